import Form from "next/form";

/**
 * Shown when the organization has more credentials than the Authenticate step shows as tiles:
 * says so, and searches them by name or host (on the server) without leaving the step.
 */
export function CredentialTileSearch({
  shown,
  total,
  query,
  connector,
}: {
  shown: number;
  total: number;
  query: string;
  connector: string;
}) {
  return (
    <search className="space-y-2">
      <p className="text-sm text-slate-700">
        {query
          ? `${total.toLocaleString("en")} credential${total === 1 ? "" : "s"} match “${query}”${total > shown ? `; the first ${shown} are shown` : ""}.`
          : `Showing the first ${shown} of ${total.toLocaleString("en")} credentials, by name.`}
      </p>
      <Form action="/data-flows/new" className="flex items-end gap-2">
        <input type="hidden" name="step" value="authenticate" />
        <input type="hidden" name="connector" value={connector} />
        <div>
          <label htmlFor="credential-tile-search" className="block text-sm font-medium text-slate-700">
            Search credentials
          </label>
          <input
            id="credential-tile-search"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={100}
            className="mt-1 w-72 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
          />
        </div>
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
        >
          Search
        </button>
      </Form>
    </search>
  );
}
