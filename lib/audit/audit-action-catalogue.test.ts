import { describe, expect, it } from "vitest";
import { apiMutationAction } from "@/lib/api/record-api-mutation";
import type { MutationKind } from "@/lib/api/resource-definition";
import { RESOURCE_DEFINITIONS } from "@/lib/api/resources";
import { type Operation, RESOURCES } from "@/lib/permissions/catalogue";
import {
  AUDIT_ACTION_KEYS,
  AUDIT_ACTIONS,
  auditActionLabel,
  auditActionsIn,
  TRAFFIC_ACTIONS,
} from "./audit-action-catalogue";

const MUTATIONS: Partial<Record<Operation, MutationKind>> = {
  create: "created",
  update: "updated",
  delete: "deleted",
};

describe("the audit action catalogue", () => {
  it("names every change the resource API audits", () => {
    for (const resource of RESOURCES) {
      for (const operation of resource.operations) {
        const kind = MUTATIONS[operation];
        if (!kind) continue;
        expect(
          () => apiMutationAction(RESOURCE_DEFINITIONS[resource.key], kind),
          `${resource.key} ${kind}`,
        ).not.toThrow();
      }
    }
  });

  it("gives each action a label of its own and one category", () => {
    const labels = AUDIT_ACTION_KEYS.map((action) => AUDIT_ACTIONS[action].label);
    expect(new Set(labels).size).toBe(labels.length);
    const byCategory = [
      ...auditActionsIn("administration"),
      ...auditActionsIn("data"),
      ...auditActionsIn("security"),
    ];
    expect(byCategory.sort()).toEqual([...AUDIT_ACTION_KEYS].sort());
    expect(auditActionLabel("access_token.issued")).toBe("Access token issued");
    expect(auditActionLabel("something.unknown")).toBe("something.unknown");
  });

  it("marks as traffic only security events, among them every refusal and the token events", () => {
    for (const action of TRAFFIC_ACTIONS) expect(AUDIT_ACTIONS[action].category, action).toBe("security");
    expect(TRAFFIC_ACTIONS).toEqual(
      expect.arrayContaining([
        "access_token.issued",
        "api_client.authentication_refused",
        "personal_token.refused",
        "legacy_key.refused",
        "basic_auth.refused",
      ]),
    );
    // Lifecycle events stay in a target's history.
    expect(TRAFFIC_ACTIONS).not.toContain("api_client.old_secret_expired");
    expect(TRAFFIC_ACTIONS).not.toContain("api_client.disabled_by_policy");
  });
});
