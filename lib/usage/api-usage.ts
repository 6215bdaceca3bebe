import type { ApiProblem } from "@/lib/api/api-problem";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { readCredentials } from "@/lib/api/auth/read-credentials";
import { isWellFormedClientId } from "@/lib/clients/client-id";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import { ADDRESS_NOT_ALLOWED, NOT_IN_PLAN } from "@/lib/oauth/client-access-policy";
import { recordUsage } from "./record-usage";
import { keptUserAgent, type UsageAttribution } from "./usage-event";
import type { UsageOutcome } from "./usage-outcomes";
import { subjectOfCaller } from "./usage-subject";

/** How a /api/v1 request ended, as handle-api-request.ts knows it. */
export interface AnsweredApiRequest {
  /** The caller, when authentication knew it (also when it refused it for plan or address). */
  caller?: ApiCaller;
  /** The access decision about a known caller. */
  outcome?: UsageOutcome;
  /** The problem authentication answered an unknown or refused credential with. */
  refusal?: ApiProblem;
}

/** A known caller refused by policy: the address allow-list or the plan. */
export function outcomeOfAccessRefusal(problem: ApiProblem): UsageOutcome {
  if (problem.detail === ADDRESS_NOT_ALLOWED) return "address_not_allowed";
  if (problem.detail === NOT_IN_PLAN) return "not_in_plan";
  return "invalid_credentials";
}

/**
 * Credentials refused during authentication: 429 once guessing spent a failure budget, the
 * plan's refusal, and otherwise credentials that are wrong or may not be used (revoked,
 * expired, deactivated user, REST API off). Null for a request without usable credentials.
 */
function outcomeOfCredentialRefusal(problem: ApiProblem): UsageOutcome | null {
  if (problem.status === 429) return "rate_limited";
  if (problem.status === 403 && problem.detail === NOT_IN_PLAN) return "not_in_plan";
  if (problem.status === 401 || problem.status === 403) return "invalid_credentials";
  return null;
}

/** The `client_id` an access token's payload names, read without trusting it: a name only. */
function clientIdNamedByToken(token: string): string | null {
  if (token.length > 4096) return null;
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const clientId = (claims as { client_id?: unknown } | null)?.client_id;
    return typeof clientId === "string" && isWellFormedClientId(clientId) ? clientId : null;
  } catch {
    return null;
  }
}

/**
 * Whom refused credentials name: a client (api-key/api-secret, an access token's client_id)
 * or a personal token (by its hash, which is how the database finds it). Looked up when the
 * counts are written, so the refusal costs no query and answers as it always did.
 */
function attributionOfPresented(headers: Headers): UsageAttribution | null {
  let presented: ReturnType<typeof readCredentials>;
  try {
    presented = readCredentials(headers);
  } catch {
    return null;
  }
  if (presented.scheme === "api-key-headers")
    return isWellFormedClientId(presented.clientId)
      ? { kind: "named_client", clientId: presented.clientId }
      : null;
  if (presented.scheme !== "bearer") return null;
  if (presented.method === "access_token") {
    const clientId = clientIdNamedByToken(presented.token);
    return clientId ? { kind: "named_client", clientId } : null;
  }
  if (presented.method === "personal_token" && isWellFormedSecret(presented.token, "personal_token"))
    return { kind: "presented_token", tokenHash: secretHash(presented.token) };
  return null;
}

/** Counts one /api/v1 request for usage: whose it was, what became of it, and its scope. */
export function recordApiUsage(
  request: Request,
  ip: string,
  scope: string,
  answered: AnsweredApiRequest,
): void {
  const base = {
    endpoint: "api" as const,
    scope,
    ip,
    userAgent: keptUserAgent(request.headers.get("user-agent")),
    at: Date.now(),
  };
  const { caller, outcome, refusal } = answered;
  if (caller && outcome) {
    const subject = subjectOfCaller(caller);
    if (subject)
      recordUsage({ ...base, attribution: { kind: "subject", subject }, outcome, secretId: caller.secretId });
    return;
  }
  if (!refusal) return;
  const refused = outcomeOfCredentialRefusal(refusal);
  const attribution = refused ? attributionOfPresented(request.headers) : null;
  if (refused && attribution) recordUsage({ ...base, attribution, outcome: refused });
}
