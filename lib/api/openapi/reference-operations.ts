import type { ReferenceOperation } from "@/components/api-reference/operation-card";

type OpenApiDocument = { paths: Record<string, Record<string, unknown>> };
type OperationObject = {
  summary?: string;
  tags?: string[];
  "x-required-scope"?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string }>;
  requestBody?: unknown;
};

/** The operations of an OpenAPI document grouped by tag, in document order, for the reference page. */
export function referenceOperationsByTag(document: OpenApiDocument): Map<string, ReferenceOperation[]> {
  const groups = new Map<string, ReferenceOperation[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!["get", "post", "patch", "delete", "put"].includes(method)) continue;
      const operation = value as OperationObject;
      const tag = operation.tags?.[0] ?? "Other";
      const list = groups.get(tag) ?? [];
      list.push({
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? "",
        scope: operation["x-required-scope"],
        parameters: (operation.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required ?? false,
          description: parameter.description,
        })),
        hasBody: operation.requestBody !== undefined,
      });
      groups.set(tag, list);
    }
  }
  return groups;
}
