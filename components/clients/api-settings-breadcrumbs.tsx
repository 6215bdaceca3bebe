import { Breadcrumbs } from "@/components/ui/page-header";

/** Admin / Security & Integrations / API Settings, then whatever page lies below it. */
export function ApiSettingsBreadcrumbs({ current }: { current?: string }) {
  return (
    <Breadcrumbs
      items={[
        { href: "/admin", label: "Admin" },
        { label: "Security & Integrations" },
        current ? { href: "/admin/api-settings", label: "API Settings" } : { label: "API Settings" },
        ...(current ? [{ label: current }] : []),
      ]}
    />
  );
}
