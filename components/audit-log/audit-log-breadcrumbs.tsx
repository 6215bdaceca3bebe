import { Breadcrumbs } from "@/components/ui/page-header";
import { AUDIT_LOG_PATH } from "./audit-log-paths";

/** Admin / Security & Integrations / Audit log, then the event open below it. */
export function AuditLogBreadcrumbs({ current }: { current?: string }) {
  return (
    <Breadcrumbs
      items={[
        { href: "/admin", label: "Admin" },
        { label: "Security & Integrations" },
        current ? { href: AUDIT_LOG_PATH, label: "Audit log" } : { label: "Audit log" },
        ...(current ? [{ label: current }] : []),
      ]}
    />
  );
}
