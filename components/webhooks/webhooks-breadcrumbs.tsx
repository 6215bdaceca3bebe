import { Breadcrumbs } from "@/components/ui/page-header";
import { WEBHOOKS_PATH } from "./webhook-paths";

/** Admin / Security & Integrations / Webhooks, then the page open below it. */
export function WebhooksBreadcrumbs({ current }: { current?: string }) {
  return (
    <Breadcrumbs
      items={[
        { href: "/admin", label: "Admin" },
        { label: "Security & Integrations" },
        current ? { href: WEBHOOKS_PATH, label: "Webhooks" } : { label: "Webhooks" },
        ...(current ? [{ label: current }] : []),
      ]}
    />
  );
}
