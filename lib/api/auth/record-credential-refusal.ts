import type { SecurityEventAction } from "@/lib/audit/audit-action-catalogue";
import type { AuditReason } from "@/lib/audit/audit-reason-catalogue";
import { type RecordOptions, recordSecurityEvent } from "@/lib/audit/record-security-event";
import {
  ANONYMOUS_ACTOR,
  type PresentedClient,
  type RequestOrigin,
  type SecurityActor,
} from "@/lib/audit/security-event";
import type { AuthenticationMethod } from "./method-catalogue";

/** The security event each method's refusals are recorded as. */
const REFUSAL_ACTIONS = {
  access_token: "access_token.refused",
  client_secret_headers: "api_client.authentication_refused",
  personal_token: "personal_token.refused",
  legacy_key: "legacy_key.refused",
  basic_password: "basic_auth.refused",
} as const satisfies Record<AuthenticationMethod, SecurityEventAction>;

export interface CredentialRefusal {
  reason: AuditReason;
  /** Known when the credential proved whose it is (or named an account that exists). */
  organizationId?: string | null;
  /** The credential's owner when it proved itself; anonymous otherwise. */
  actor?: SecurityActor;
  target?: { type: string; id: string | null };
  /** A client named by api-key, resolved when the event is written. */
  presentedClient?: PresentedClient;
  details?: Record<string, unknown>;
}

/**
 * Records that a resource API request's credentials were refused, and why (off the request
 * path, see record-security-event.ts). The caller's answer is whatever the method always
 * answers: recording changes neither it nor its timing.
 */
export function recordCredentialRefusal(
  origin: RequestOrigin,
  method: AuthenticationMethod,
  refusal: CredentialRefusal,
  options?: RecordOptions,
): void {
  recordSecurityEvent(
    {
      action: REFUSAL_ACTIONS[method],
      organizationId: refusal.organizationId ?? null,
      actor: refusal.actor ?? ANONYMOUS_ACTOR,
      ...(refusal.target ? { target: refusal.target } : {}),
      ...(refusal.presentedClient ? { presentedClient: refusal.presentedClient } : {}),
      origin,
      outcome: "denied",
      reason: refusal.reason,
      details: { method, ...refusal.details },
    },
    options,
  );
}
