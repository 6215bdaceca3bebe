import { and, eq } from "drizzle-orm";
import type { AuditReason } from "@/lib/audit/audit-reason-catalogue";
import type { RequestOrigin } from "@/lib/audit/security-event";
import { decoyPasswordHash, verifyPassword } from "@/lib/crypto/password";
import { getDb } from "@/lib/db/client";
import { organizations, roles, trustedPasswordSources, users } from "@/lib/db/schema";
import {
  type PasswordSource,
  passwordAttemptAllowance,
  recordPasswordFailure,
} from "@/lib/limits/password-guessing";
import { trustedAddressSource } from "@/lib/limits/trusted-password-sources";
import { basicAuthUse } from "@/lib/usage/credential-last-used";
import { isPrintableLine } from "@/lib/validation/text-fields";
import { invalidTokenProblem, tooManyAttemptsProblem } from "./api-auth-errors";
import type { AuthenticationResult } from "./api-caller";
import { BasicCredentialCache, basicCredentialCache } from "./basic-credential-cache";
import { recordCredentialRefusal } from "./record-credential-refusal";
import { personActor, userAccessColumns, userAccessRefusal } from "./user-api-access";

export const BASIC_INVALID = "The email or password is not valid";
export const BASIC_MALFORMED = "The Basic credentials are malformed; send base64(email:password)";

/** RFC 7617: base64 of `user-id:password`, the user-id being the email here. */
export function parseBasicCredentials(encoded: string): { email: string; password: string } | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return null;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1 || decoded.length > 1024) return null;
  if (!isPrintableLine(decoded)) return null;
  return { email: decoded.slice(0, colon).trim().toLowerCase(), password: decoded.slice(colon + 1) };
}

async function findUserWithSource(email: string, ip: string) {
  const source = trustedAddressSource(ip);
  const db = await getDb();
  const [row] = await db
    .select({ ...userAccessColumns, trustedSince: trustedPasswordSources.lastSucceededAt })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(
      trustedPasswordSources,
      and(eq(trustedPasswordSources.userId, users.id), eq(trustedPasswordSources.source, source.id)),
    )
    .where(eq(users.email, email))
    .limit(1);
  const from: PasswordSource = row?.trustedSince ? source : { trusted: false, ip };
  return { row, from, source };
}

/**
 * HTTP Basic with a user's email and password, for older integrations (Legacy and High).
 *
 * No password oracle: an unknown email, a wrong password, and a right password that may not
 * be used here (deactivated user, a level that refuses Basic, a plan without API access, the
 * REST API off for the role) all get one answer, cost one password verification, and spend
 * the same failure budget. Guessing is bounded per account across addresses, yet an address
 * the account used Basic from before keeps a budget of its own (see password-guessing.ts).
 * The budget is checked before the password, so a locked account confirms nothing.
 *
 * A right password is remembered for a minute (BasicCredentialCache) so that an integration
 * costs one argon2 verification a minute; the user, role and organization are read every time.
 *
 * Each refusal is recorded with its true reason — for the organization's administrators only:
 * an email that names no user is recorded with no organization and without the email (people
 * type passwords into the wrong field), and the answer stays the same whatever the reason.
 */
export async function authenticateBasicPassword(
  encoded: string,
  origin: RequestOrigin,
): Promise<AuthenticationResult> {
  const { ip } = origin;
  const credentials = parseBasicCredentials(encoded);
  if (!credentials) {
    recordCredentialRefusal(origin, "basic_password", { reason: "malformed_credentials" }, { repeatsOf: [] });
    throw invalidTokenProblem(BASIC_MALFORMED);
  }
  const { email, password } = credentials;
  const { row, from, source } = await findUserWithSource(email, ip);
  const account = row
    ? { organizationId: row.organization.id, target: { type: "user", id: row.user.id } }
    : {};
  const allowance = await passwordAttemptAllowance(email, from);
  if (allowance.spent) {
    // Checked before the password, so nothing bounds these but the count per address and minute.
    recordCredentialRefusal(
      origin,
      "basic_password",
      { reason: "rate_limited", ...account, details: { retryAfterSeconds: allowance.retryAfterSeconds } },
      { repeatsOf: [] },
    );
    throw tooManyAttemptsProblem(allowance.retryAfterSeconds);
  }

  const cache = basicCredentialCache();
  const key = BasicCredentialCache.keyOf(email, password);
  const state = row?.user.passwordHash
    ? { userId: row.user.id, passwordHash: row.user.passwordHash, sessionVersion: row.user.sessionVersion }
    : null;
  const remembered = state !== null && cache.matches(key, state);
  const verified =
    remembered ||
    (await verifyPassword(state?.passwordHash ?? (await decoyPasswordHash()), password.slice(0, 1024)));
  const refusal = row && verified ? userAccessRefusal(row, "basic_password") : null;

  if (!row || !state || !verified || refusal) {
    // A remembered password refused now would answer faster than a guess: spend the same time.
    if (remembered) await verifyPassword(await decoyPasswordHash(), password.slice(0, 1024));
    if (remembered) cache.forget(key);
    const budget = await recordPasswordFailure(email, from);
    const reason: AuditReason = !row
      ? "unknown_user"
      : !state
        ? "credentials_not_valid"
        : !verified
          ? "wrong_password"
          : (refusal?.reason ?? "credentials_not_valid");
    // A right password refused (deactivated, level, plan, role) proved who sent it.
    const actor = row && verified ? { actor: personActor(row, "basic_password") } : {};
    if (budget.spent) {
      recordCredentialRefusal(
        origin,
        "basic_password",
        {
          reason: "rate_limited",
          ...account,
          ...actor,
          details: { retryAfterSeconds: budget.retryAfterSeconds },
        },
        { repeatsOf: [] },
      );
      throw tooManyAttemptsProblem(budget.retryAfterSeconds);
    }
    recordCredentialRefusal(origin, "basic_password", { reason, ...account, ...actor });
    throw invalidTokenProblem(BASIC_INVALID);
  }
  if (!remembered) {
    cache.remember(key, state);
    await source.remember(row.user.id);
  }
  basicAuthUse.note(row.user.id);
  return {
    outcome: "authenticated",
    caller: {
      organizationId: row.organization.id,
      credential: "basic_password",
      clientId: null,
      userId: row.user.id,
      tokenId: null,
      scopes: row.role.permissions,
      label: `${row.user.email} (HTTP Basic)`,
      ip,
      userAgent: origin.userAgent,
      requestsPerMinute: null,
    },
  };
}
