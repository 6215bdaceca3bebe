import { endpointsOf, OPERATION_LABELS, RESOURCES, type Scope, scopeOf } from "@/lib/permissions/catalogue";

/**
 * The methods and URIs the allowed cells open, derived from the catalogue. A labelled region
 * rather than a heading: the grid sits under headings of different levels on different pages.
 */
export function AllowedEndpoints({ scopes }: { scopes: readonly Scope[] }) {
  const granted = new Set(scopes);
  const rows = RESOURCES.flatMap((resource) =>
    resource.operations
      .filter((operation) => granted.has(scopeOf(resource.key, operation)))
      .flatMap((operation) =>
        endpointsOf(resource.key, operation).map((endpoint) => ({
          key: `${endpoint.method} ${endpoint.path}`,
          ...endpoint,
          scope: scopeOf(resource.key, operation),
          label: `${resource.label} · ${OPERATION_LABELS[operation]}`,
        })),
      ),
  );
  return (
    <section
      aria-labelledby="allowed-endpoints-heading"
      className="rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <p id="allowed-endpoints-heading" className="text-sm font-semibold">
        Endpoints these permissions open
      </p>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">None: everything is prohibited.</p>
      ) : (
        <ul className="mt-2 grid gap-1 font-mono text-xs sm:grid-cols-2">
          {rows.map((row) => (
            <li key={row.key} className="flex gap-2">
              <span className="w-14 font-semibold text-indigo-800">{row.method}</span>
              <span>{row.path}</span>
              <span className="text-slate-500">({row.scope})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
