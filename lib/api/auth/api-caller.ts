import type { Scope } from "@/lib/permissions/catalogue";

/** How the caller of a resource API proved who it is. */
export type ApiCredentialKind =
  | "access_token"
  | "client_secret_headers"
  | "personal_token"
  | "basic_password"
  | "legacy_key";

/**
 * The authenticated caller of a resource API request. Every query a resource handler makes
 * is scoped to `organizationId`; every operation requires its scope in `scopes`.
 */
export interface ApiCaller {
  organizationId: string;
  credential: ApiCredentialKind;
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
}

/**
 * A caller whose credentials are valid but who may not use the API now (plan, address):
 * refused, yet still known, so the refusal is recorded in the client's API audit log.
 */
export class RefusedApiCall {
  constructor(
    readonly caller: ApiCaller,
    readonly response: Response,
  ) {}
}
