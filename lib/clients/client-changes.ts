import type { Scope } from "@/lib/permissions/catalogue";
import { diffGrids } from "@/lib/permissions/grid";
import type { ClientRecord } from "./client-record";

export type EditableClientFields = Pick<ClientRecord, "name" | "description" | "allowedIps" | "permissions">;

/** What an edit changed, as the audit event records it; null when it changed nothing. */
export interface ClientChanges {
  name?: { from: string; to: string };
  description?: { from: string; to: string };
  allowedIps?: { added: string[]; removed: string[] };
  permissions?: { granted: Scope[]; revoked: Scope[] };
}

function diffLists(before: readonly string[], after: readonly string[]) {
  return {
    added: after.filter((entry) => !before.includes(entry)),
    removed: before.filter((entry) => !after.includes(entry)),
  };
}

export function describeClientChanges(
  before: EditableClientFields,
  after: EditableClientFields,
): ClientChanges | null {
  const changes: ClientChanges = {};
  if (before.name !== after.name) changes.name = { from: before.name, to: after.name };
  if (before.description !== after.description) {
    changes.description = { from: before.description, to: after.description };
  }
  const ips = diffLists(before.allowedIps, after.allowedIps);
  // Order of entries carries no meaning, but a reordering is still a change worth saving.
  const ipsReordered = before.allowedIps.join("\n") !== after.allowedIps.join("\n");
  if (ips.added.length > 0 || ips.removed.length > 0 || ipsReordered) changes.allowedIps = ips;
  const grid = diffGrids(before.permissions, after.permissions);
  if (grid.granted.length > 0 || grid.revoked.length > 0) changes.permissions = grid;
  return Object.keys(changes).length > 0 ? changes : null;
}
