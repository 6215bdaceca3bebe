import type { AuthenticatedClient } from "@/lib/clients/authenticate-client-secret";
import { isWellFormedClientId } from "@/lib/clients/client-id";
import { ADDRESS_NOT_ALLOWED, NOT_IN_PLAN } from "@/lib/oauth/client-access-policy";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { recordUsage } from "./record-usage";
import { keptUserAgent, type UsageAttribution } from "./usage-event";
import type { UsageOutcome } from "./usage-outcomes";

/** The client ID a Basic Authorization header names (RFC 6749 §2.3.1), without judging the rest. */
function clientIdInBasic(authorization: string | null): string | undefined {
  const encoded = /^basic +([A-Za-z0-9+/]+=*)$/i.exec(authorization?.trim() ?? "")?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/** What an authenticated client's refused token request counts as; null for a malformed request. */
function outcomeAfterAuthentication(error: unknown): UsageOutcome | null {
  if (!(error instanceof OAuthError)) return null;
  if (error.error === "invalid_scope") return "insufficient_scope";
  if (error.error === "unauthorized_client" && error.description === ADDRESS_NOT_ALLOWED)
    return "address_not_allowed";
  if (error.error === "unauthorized_client" && error.description === NOT_IN_PLAN) return "not_in_plan";
  return null;
}

/**
 * Usage of one token request (POST /api/oauth/token), noted step by step by the token endpoint
 * and counted in memory when it answers. An issued token is `allowed` with scope '' — the
 * scope dimension is the catalogue scope of an API operation, and a token request is none (the
 * scopes it obtains show in the calls made with it). A refusal counts for the client when it
 * is known (address, plan, scope) or named by well-formed credentials that were refused
 * (`invalid_credentials`, or `rate_limited` once guessing spent a failure budget: 429).
 * Malformed requests and database trouble count for no one.
 */
export class TokenRequestUsage {
  private params: Map<string, string> | undefined;
  private client: AuthenticatedClient | undefined;

  constructor(
    private readonly request: Request,
    private readonly ip: string,
  ) {}

  /** The parsed form body: it may name the client (client_secret_post). */
  read(params: Map<string, string>): void {
    this.params = params;
  }

  authenticated(client: AuthenticatedClient): void {
    this.client = client;
  }

  issued(): void {
    if (this.client) this.count({ kind: "subject", subject: this.subject(this.client) }, "allowed");
  }

  refused(error: unknown): void {
    if (this.client) {
      const outcome = outcomeAfterAuthentication(error);
      if (outcome) this.count({ kind: "subject", subject: this.subject(this.client) }, outcome);
      return;
    }
    if (!(error instanceof OAuthError) || error.error !== "invalid_client") return;
    const outcome =
      error.status === 429 ? "rate_limited" : error.status === 401 ? "invalid_credentials" : null;
    const clientId =
      clientIdInBasic(this.request.headers.get("authorization")) ?? this.params?.get("client_id");
    if (outcome && clientId && isWellFormedClientId(clientId))
      this.count({ kind: "named_client", clientId }, outcome);
  }

  private subject({ client, organization }: AuthenticatedClient) {
    return { organizationId: organization.id, kind: "client" as const, id: client.clientId };
  }

  private count(attribution: UsageAttribution, outcome: UsageOutcome): void {
    recordUsage({
      attribution,
      endpoint: "token",
      outcome,
      scope: "",
      ip: this.ip,
      userAgent: keptUserAgent(this.request.headers.get("user-agent")),
      // An issued token is a use of the secret that obtained it (an old one's, in its grace period).
      secretId: outcome === "allowed" ? this.client?.issuance.secretId : undefined,
      at: Date.now(),
    });
  }
}
