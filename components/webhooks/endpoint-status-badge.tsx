/** Enabled or disabled, as a word with a mark, so it reads without colour. */
export function EndpointStatusBadge({ enabled }: { enabled: boolean }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${enabled ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-800"}`}
    >
      <span aria-hidden="true">{enabled ? "●" : "○"}</span>
      {enabled ? "Enabled" : "Disabled"}
    </span>
  );
}
