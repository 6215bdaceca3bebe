import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { type InvalidField, validationProblem } from "./api-problem";
import type { ResourceDefinition } from "./resource-definition";

function idsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/**
 * Every ID the body refers to must be a row of the caller's organization; otherwise 422
 * naming the field (and the array position). The rows found are locked against deletion
 * (FOR KEY SHARE) until the transaction ends, so the reference cannot go stale meanwhile.
 */
export async function checkReferences(
  tx: Transaction,
  definition: ResourceDefinition,
  organizationId: string,
  input: Record<string, unknown>,
): Promise<void> {
  const errors: InvalidField[] = [];
  for (const [field, table] of Object.entries(definition.references ?? {})) {
    const value = input[field];
    const ids = idsIn(value);
    if (ids.length === 0) continue;
    const found = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.organizationId, organizationId), inArray(table.id, [...new Set(ids)])))
      .for("key share");
    const known = new Set(found.map((row) => String(row.id)));
    ids.forEach((id, index) => {
      if (known.has(id)) return;
      const pointer = Array.isArray(value) ? `#/${field}/${index}` : `#/${field}`;
      errors.push({ pointer, detail: "No such item exists in your organization" });
    });
  }
  if (errors.length > 0) throw validationProblem(errors);
}
