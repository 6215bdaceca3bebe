import { describe, expect, it } from "vitest";
import { ALL_SCOPES, endpointsOf, isScope, RESOURCES, scopeOf, supportsOperation } from "./catalogue";
import {
  allows,
  diffGrids,
  intersectGrids,
  normalizeGrid,
  permissionGridSchema,
  summarizeGrid,
} from "./grid";

describe("permission catalogue", () => {
  it("declares the documented resources with their labels: seven of data, and the audit log", () => {
    expect(RESOURCES.map((r) => [r.key, r.label])).toEqual([
      ["users", "Users"],
      ["groups", "Groups"],
      ["cases", "Cases"],
      ["evidence", "Evidence"],
      ["devices", "Devices"],
      ["reports", "Reports"],
      ["categories", "Category Management"],
      ["audit_events", "Audit Events"],
    ]);
  });

  it("derives one scope per supported operation", () => {
    expect(ALL_SCOPES).toContain("cases:read");
    expect(ALL_SCOPES).toContain("evidence:download");
    expect(ALL_SCOPES).not.toContain("reports:update");
    expect(ALL_SCOPES).not.toContain("cases:download");
    expect(ALL_SCOPES).toHaveLength(4 * 5 + 5 + 3 + 1);
    expect(ALL_SCOPES.at(-1)).toBe("audit_events:read");
    expect(supportsOperation("audit_events", "create")).toBe(false);
    expect(isScope("cases:read")).toBe(true);
    expect(isScope("cases:admin")).toBe(false);
    expect(supportsOperation("reports", "update")).toBe(false);
  });

  it("maps operations to the documented methods and URIs", () => {
    expect(endpointsOf("cases", "read")).toEqual([
      { method: "GET", path: "/api/v1/cases" },
      { method: "GET", path: "/api/v1/cases/{id}" },
    ]);
    expect(endpointsOf("evidence", "download")).toEqual([
      { method: "GET", path: "/api/v1/evidence/{id}/content" },
    ]);
    expect(endpointsOf("devices", "update")).toEqual([{ method: "PATCH", path: "/api/v1/devices/{id}" }]);
    expect(scopeOf("categories", "delete")).toBe("categories:delete");
    // Scopes keep the key; the URI spells it as the API's other paths do.
    expect(endpointsOf("audit_events", "read")).toEqual([
      { method: "GET", path: "/api/v1/audit-events" },
      { method: "GET", path: "/api/v1/audit-events/{id}" },
    ]);
  });
});

describe("permission grid", () => {
  it("denies everything when empty", () => {
    const grid = permissionGridSchema.parse([]);
    for (const scope of ALL_SCOPES) {
      const [resource, operation] = scope.split(":") as [never, never];
      expect(allows(grid, resource, operation)).toBe(false);
    }
    expect(summarizeGrid(grid)).toBe("No permissions");
  });

  it("rejects unknown resources and operations", () => {
    const result = permissionGridSchema.safeParse(["cases:read", "payroll:read", "reports:update"]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Unknown permission "payroll:read"',
      'Unknown permission "reports:update"',
    ]);
  });

  it("normalizes order and duplicates, intersects and diffs", () => {
    expect(normalizeGrid(["evidence:read", "cases:read", "cases:read"])).toEqual([
      "cases:read",
      "evidence:read",
    ]);
    expect(intersectGrids(["cases:read", "cases:create"], ["cases:read", "evidence:read"])).toEqual([
      "cases:read",
    ]);
    expect(diffGrids(["cases:read"], ["evidence:read"])).toEqual({
      granted: ["evidence:read"],
      revoked: ["cases:read"],
    });
    expect(
      summarizeGrid(["cases:read", "cases:create", "reports:read", "reports:create", "reports:delete"]),
    ).toBe("Cases: read, create · Reports: all");
  });
});
