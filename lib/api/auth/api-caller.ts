import type { ApiProblem } from "@/lib/api/api-problem";
import type { Scope } from "@/lib/permissions/catalogue";
import type { AuthenticationMethod } from "./method-catalogue";

/**
 * The authenticated caller of a resource API request. Every query a resource handler makes
 * is scoped to `organizationId`; every operation requires its scope in `scopes`.
 */
export interface ApiCaller {
  organizationId: string;
  credential: AuthenticationMethod;
  /** The API client's public ID, when the caller is a client. */
  clientId: string | null;
  /** The user, when the caller acts as a person (personal token, Basic). */
  userId: string | null;
  /** The access token's `jti` or the personal token's id, for audit. */
  tokenId: string | null;
  /** The rights in force for this request (already intersected with role or client grid). */
  scopes: readonly Scope[];
  /** A human-readable label for audit entries ("client Reporting job", "dana@example.com"). */
  label: string;
  /** The client address decided by the server. */
  ip: string;
  /** The User-Agent the request sent, for audit entries. */
  userAgent?: string | null;
  /** The client's own /api/v1 request rate, when it has one; otherwise the installation default. */
  requestsPerMinute: number | null;
  /**
   * The client secret that authenticated the call, directly or through the access token it
   * obtained: usage tells an old secret's traffic during a rotation's grace period by it.
   */
  secretId?: string;
}

/**
 * What authentication tells: the caller, or a caller whose credentials are valid but who may
 * not use the API now (plan, address) — refused, yet known, so the refusal is recorded in the
 * client's API log. An unknown caller gets no result: authentication throws the ApiProblem
 * that answers it.
 */
export type AuthenticationResult =
  | { outcome: "authenticated"; caller: ApiCaller }
  | { outcome: "refused"; caller: ApiCaller; problem: ApiProblem };
