import { Breadcrumbs } from "@/components/ui/page-header";
import { CREDENTIALS_PATH } from "./credential-summary";

/** Admin / Security & Integrations / Credentials, then the credential open below it. */
export function CredentialsBreadcrumbs({ current }: { current?: string }) {
  return (
    <Breadcrumbs
      items={[
        { href: "/admin", label: "Admin" },
        { label: "Security & Integrations" },
        current ? { href: CREDENTIALS_PATH, label: "Credentials" } : { label: "Credentials" },
        ...(current ? [{ label: current }] : []),
      ]}
    />
  );
}
