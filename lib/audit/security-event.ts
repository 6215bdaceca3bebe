import type { ActorType, AuditOutcome } from "@/lib/db/schema";
import type { SecurityEventAction } from "./audit-action-catalogue";
import type { AuditReason } from "./audit-reason-catalogue";

/** Where a request came from, as a security event records it. */
export interface RequestOrigin {
  /** The client address the server decided (lib/net/client-address.ts). */
  ip: string;
  /** The User-Agent header as sent; shortened and scrubbed when the event is written. */
  userAgent: string | null;
}

/** Longest User-Agent held in memory per event; the stored one is shorter still (audit-user-agent.ts). */
const HELD_USER_AGENT_LENGTH = 512;

export function requestOrigin(request: Request, ip: string): RequestOrigin {
  return { ip, userAgent: request.headers.get("user-agent")?.slice(0, HELD_USER_AGENT_LENGTH) ?? null };
}

export interface SecurityActor {
  type: ActorType;
  /** The user's id, or the API client's row id; null when there is none to name. */
  id: string | null;
  label: string;
}

/** Whoever sent credentials that proved nothing: an unknown client, a wrong secret, a guessed token. */
export const ANONYMOUS_ACTOR: SecurityActor = { type: "anonymous", id: null, label: "anonymous" };

export function clientActor(client: { id: string | null; clientId: string; name?: string }): SecurityActor {
  return { type: "client", id: client.id, label: `client ${client.name ?? client.clientId}` };
}

/**
 * A client named by credentials that did not authenticate. Which organization it belongs to
 * and why it was refused (unknown, wrong secret, disabled, expired or revoked secret) are
 * looked up when the event is written, off the request path (resolve-presented-clients.ts),
 * so that the refusal costs every caller the same. `secretHash` is the keyed hash of the
 * presented secret, held in memory only until then and never written anywhere.
 */
export interface PresentedClient {
  clientId: string;
  secretHash?: string;
}

/** One security event: who, what, to what, from where, how it ended and why. Never a secret. */
export interface SecurityEvent {
  action: SecurityEventAction;
  /** Null when no organization is known (see lib/db/schema/audit.ts). */
  organizationId: string | null;
  actor: SecurityActor;
  target?: { type: string; id: string | null };
  origin: RequestOrigin;
  outcome: AuditOutcome;
  reason?: AuditReason;
  /** Names and values that say more, never a secret, token, password or hash. */
  details?: Record<string, unknown>;
  presentedClient?: PresentedClient;
}

/** A security event as it waits to be written: its own id (a batch tried again is not written twice) and time. */
export interface HeldSecurityEvent extends SecurityEvent {
  id: string;
  at: Date;
}
