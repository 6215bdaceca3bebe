import { z } from "zod";
import {
  ALL_SCOPES,
  type Operation,
  RESOURCES,
  type ResourceKey,
  type Scope,
  scopeOf,
  supportsOperation,
} from "./catalogue";

/**
 * A permission grid: for each resource, the operations that are allowed.
 * Stored as a sorted list of scopes, which is what tokens carry as well.
 * An empty grid allows nothing (deny by default).
 */
export type PermissionGrid = Scope[];

export const permissionGridSchema = z
  .array(z.string())
  .max(ALL_SCOPES.length * 2)
  .superRefine((values, ctx) => {
    for (const value of values) {
      if (!(ALL_SCOPES as string[]).includes(value)) {
        ctx.addIssue({ code: "custom", message: `Unknown permission "${value.slice(0, 60)}"` });
      }
    }
  })
  .transform((values) => normalizeGrid(values as Scope[]));

/** Removes duplicates and orders scopes as the catalogue does. */
export function normalizeGrid(scopes: readonly Scope[]): PermissionGrid {
  const wanted = new Set(scopes);
  return ALL_SCOPES.filter((scope) => wanted.has(scope));
}

export function allows(grid: readonly Scope[], resource: ResourceKey, operation: Operation): boolean {
  return supportsOperation(resource, operation) && grid.includes(scopeOf(resource, operation));
}

export function intersectGrids(a: readonly Scope[], b: readonly Scope[]): PermissionGrid {
  const inB = new Set(b);
  return normalizeGrid(a.filter((scope) => inB.has(scope)));
}

export const FULL_GRID: PermissionGrid = [...ALL_SCOPES];

/** A readable summary, e.g. "Cases: read, create · Evidence: read". */
export function summarizeGrid(grid: readonly Scope[]): string {
  const parts: string[] = [];
  for (const resource of RESOURCES) {
    const allowed = resource.operations.filter((operation) =>
      grid.includes(scopeOf(resource.key, operation)),
    );
    if (allowed.length === resource.operations.length) parts.push(`${resource.label}: all`);
    else if (allowed.length > 0) parts.push(`${resource.label}: ${allowed.join(", ")}`);
  }
  return parts.length > 0 ? parts.join(" · ") : "No permissions";
}

/** What changed between two grids, for audit events. */
export function diffGrids(before: readonly Scope[], after: readonly Scope[]) {
  const was = new Set(before);
  const now = new Set(after);
  return {
    granted: ALL_SCOPES.filter((scope) => now.has(scope) && !was.has(scope)),
    revoked: ALL_SCOPES.filter((scope) => was.has(scope) && !now.has(scope)),
  };
}
