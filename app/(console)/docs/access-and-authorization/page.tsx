import type { Metadata } from "next";
import { MethodsByLevelTable } from "@/components/docs/methods-by-level-table";
import { PageHeader } from "@/components/ui/page-header";
import {
  endpointsOf,
  OPERATION_LABELS,
  operationNote,
  RESOURCES,
  scopeOf,
} from "@/lib/permissions/catalogue";

export const metadata: Metadata = { title: "Access and authorization" };

/** Generated from the permission catalogue: nothing here is written by hand. */
export default function AccessAndAuthorizationPage() {
  return (
    <>
      <PageHeader
        title="Access and authorization"
        description="Each cell of a permission grid grants one scope, and each scope opens the methods and URIs listed here. Anything not granted is refused with 403 insufficient_scope."
      />
      <section aria-labelledby="methods-heading" className="mb-6 rounded-lg border border-slate-200 bg-white">
        <header className="border-b border-slate-200 px-5 py-3">
          <h2 id="methods-heading" className="text-lg font-semibold">
            How callers authenticate
          </h2>
          <p className="text-sm text-slate-600">
            The organization's security level decides which methods work. A client's rights are its grid; a
            person's are their role's grid, narrowed by a personal token's own permissions.
          </p>
        </header>
        <MethodsByLevelTable />
      </section>
      <div className="space-y-6">
        {RESOURCES.map((resource) => (
          <section
            key={resource.key}
            aria-labelledby={`resource-${resource.key}`}
            className="rounded-lg border border-slate-200 bg-white"
          >
            <header className="border-b border-slate-200 px-5 py-3">
              <h2 id={`resource-${resource.key}`} className="text-lg font-semibold">
                {resource.label}
              </h2>
              <p className="text-sm text-slate-600">{resource.description}</p>
            </header>
            <table className="min-w-full text-sm">
              <caption className="sr-only">{resource.label}: operations, scopes and endpoints</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-5 py-2 text-left font-semibold">
                    Operation
                  </th>
                  <th scope="col" className="px-5 py-2 text-left font-semibold">
                    Scope
                  </th>
                  <th scope="col" className="px-5 py-2 text-left font-semibold">
                    Method and URI
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {resource.operations.map((operation) => (
                  <tr key={operation}>
                    <td className="px-5 py-2">
                      {OPERATION_LABELS[operation]}
                      {operationNote(resource.key, operation) ? (
                        <span className="block text-xs text-slate-500">
                          {operationNote(resource.key, operation)}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-5 py-2 font-mono">{scopeOf(resource.key, operation)}</td>
                    <td className="px-5 py-2 font-mono">
                      {endpointsOf(resource.key, operation).map((endpoint) => (
                        <div key={`${endpoint.method} ${endpoint.path}`}>
                          <span className="inline-block w-16 font-semibold text-indigo-800">
                            {endpoint.method}
                          </span>
                          {endpoint.path}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </>
  );
}
