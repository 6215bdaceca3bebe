import type { ClientStatus } from "@/lib/db/schema";

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = { active: "Active", disabled: "Disabled" };

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-medium ${status === "active" ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"}`}
    >
      {CLIENT_STATUS_LABELS[status]}
    </span>
  );
}
