import type { OutboundCredentialRecord } from "./credential-record";

export type EditableCredentialFields = Pick<OutboundCredentialRecord, "name" | "description" | "hostUrl">;

/** What an edit changed, as the audit event records it; null when it changed nothing. */
export type CredentialChanges = Partial<Record<keyof EditableCredentialFields, { from: string; to: string }>>;

export function describeCredentialChanges(
  before: EditableCredentialFields,
  after: EditableCredentialFields,
): CredentialChanges | null {
  const changes: CredentialChanges = {};
  for (const field of ["name", "description", "hostUrl"] as const) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }
  return Object.keys(changes).length > 0 ? changes : null;
}
