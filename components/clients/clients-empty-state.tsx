/** What the list says when there is nothing to show: why, and (where allowed) what to do. */
export function ClientsEmptyState({ filtered, canCreate }: { filtered: boolean; canCreate: boolean }) {
  if (filtered) return <p>No clients match this search and filter.</p>;
  return (
    <div className="mx-auto max-w-xl space-y-2 text-left">
      <p className="font-medium text-slate-900">No API access clients yet.</p>
      <p>
        A client is a program (a script, an integration, a partner system) that reaches your organization's
        data through the API. It gets a client ID and a secret, trades them for an access token, and may do
        only what its permission grid allows: nothing, until you allow it.
      </p>
      {canCreate ? <p>Choose Create Client above to make the first one.</p> : null}
    </div>
  );
}
