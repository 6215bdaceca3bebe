import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { type AuditAction, isAuditAction } from "@/lib/audit/audit-action-catalogue";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import type { MutationKind, ResourceDefinition } from "./resource-definition";

/** Who acted, as the audit log names it: a client, a person's token, or a person. */
export function auditActorOf(caller: ApiCaller): AuditActor {
  switch (caller.credential) {
    case "access_token":
    case "client_secret_headers":
      return { type: "client", id: null, label: caller.label, ip: caller.ip, userAgent: caller.userAgent };
    case "personal_token":
      return {
        type: "personal_token",
        id: caller.userId,
        label: caller.label,
        ip: caller.ip,
        userAgent: caller.userAgent,
      };
    case "basic_password":
    case "legacy_key":
      return {
        type: "user",
        id: caller.userId,
        label: caller.label,
        ip: caller.ip,
        userAgent: caller.userAgent,
      };
  }
}

/**
 * The audit action of a change through the API: the resource's own name for it, or
 * `${noun}.${kind}`. Each must be in the action catalogue (a test walks every resource).
 */
export function apiMutationAction(definition: ResourceDefinition, kind: MutationKind): AuditAction {
  const action = definition.actions?.[kind] ?? `${definition.noun}.${kind}`;
  if (!isAuditAction(action)) throw new Error(`${action} is not in the audit action catalogue`);
  return action;
}

/**
 * Records one change made through the API, inside the transaction that makes it. The details
 * name the fields that were sent, never their values: evidence content and personal data
 * stay out of the audit log.
 */
export async function recordApiMutation(
  executor: Executor,
  caller: ApiCaller,
  definition: ResourceDefinition,
  kind: MutationKind,
  targetId: string,
  fields: readonly string[] = [],
): Promise<void> {
  await recordAuditEvent(executor, {
    organizationId: caller.organizationId,
    actor: auditActorOf(caller),
    action: apiMutationAction(definition, kind),
    targetType: definition.noun,
    targetId,
    details: {
      via: "api",
      credential: caller.credential,
      ...(caller.clientId ? { client_id: caller.clientId } : {}),
      ...(caller.tokenId ? { token_id: caller.tokenId } : {}),
      ...(fields.length > 0 ? { fields } : {}),
    },
  });
}
