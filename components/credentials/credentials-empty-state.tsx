/** What the Credentials list says when there is nothing to show. */
export function CredentialsEmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) return <p>No credentials match this search.</p>;
  return (
    <div className="mx-auto max-w-xl space-y-2 text-left">
      <p className="font-medium text-slate-900">No credentials yet.</p>
      <p>
        A credential holds what Latchkey needs to reach another system for a data flow: an Axonius instance's
        host URL, API key and client secret. The key and secret are stored encrypted and never shown again.
        Add one here, or while creating a data flow.
      </p>
    </div>
  );
}
