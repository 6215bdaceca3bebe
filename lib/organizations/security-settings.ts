import { and, count, eq, gt, sql } from "drizzle-orm";
import { type AuthenticationMethod, isMethodAllowed } from "@/lib/api/auth/method-catalogue";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { legacyApiKeys, organizations, type SecurityLevel, users } from "@/lib/db/schema";
import { FieldError } from "@/lib/forms/action-state";
import type { TokenPolicy } from "@/lib/tokens/token-expiry";
import {
  effectiveSecurityLevel,
  isLegacyRetired,
  legacySunset,
  SECURITY_LEVEL_LABELS,
} from "./security-level";
import {
  type SecurityLevelInput,
  securityLevelSchema,
  type TokenPolicyInput,
  tokenPolicySchema,
} from "./security-settings-schemas";

export const BASIC_USE_WINDOW_DAYS = 30;

export interface SecuritySettings extends TokenPolicy {
  storedLevel: SecurityLevel;
  /** The level in force: High when Legacy has been retired. */
  level: SecurityLevel;
  /** Set when the organization is at Legacy but Legacy was retired on this date. */
  upgradedOnSunset: Date | null;
  legacySunset: Date | null;
}

export async function getSecuritySettings(
  executor: Executor,
  organizationId: string,
  now: Date = new Date(),
): Promise<SecuritySettings> {
  const [row] = await executor
    .select({
      storedLevel: organizations.securityLevel,
      defaultTokenExpirationDays: organizations.defaultTokenExpirationDays,
      maxTokenExpirationDays: organizations.maxTokenExpirationDays,
      allowUnexpiringTokens: organizations.allowUnexpiringTokens,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  if (!row) throw new Error(`organization ${organizationId} does not exist`);
  const sunset = legacySunset();
  const level = effectiveSecurityLevel(row.storedLevel, now, sunset);
  return {
    ...row,
    level,
    upgradedOnSunset: row.storedLevel !== level ? sunset : null,
    legacySunset: sunset,
  };
}

export interface SecurityLevelImpact {
  from: SecurityLevel;
  to: SecurityLevel;
  legacyKeys: number;
  recentBasicUsers: number;
  /** What stops working, one sentence each; empty when nothing in use breaks. */
  breaks: string[];
  /** What starts being accepted again, when the level is lowered. */
  loosens: string[];
}

const plural = (value: number, one: string, many: string) => `${value} ${value === 1 ? one : many}`;

/** What moving to `to` would break, computed from the organization's data. */
export async function securityLevelImpact(
  executor: Executor,
  organizationId: string,
  to: SecurityLevel,
): Promise<SecurityLevelImpact> {
  const { level: from } = await getSecuritySettings(executor, organizationId);
  const [[keys], [basic]] = await Promise.all([
    executor
      .select({ value: count() })
      .from(legacyApiKeys)
      .where(eq(legacyApiKeys.organizationId, organizationId)),
    executor
      .select({ value: count() })
      .from(users)
      .where(
        and(
          eq(users.organizationId, organizationId),
          eq(users.active, true),
          gt(users.lastBasicAuthAt, sql`now() - ${sql.raw(`interval '${BASIC_USE_WINDOW_DAYS} days'`)}`),
        ),
      ),
  ]);
  const legacyKeys = keys?.value ?? 0;
  const recentBasicUsers = basic?.value ?? 0;
  const breaks: string[] = [];
  const loosens: string[] = [];
  const losing = (method: AuthenticationMethod) =>
    isMethodAllowed(from, method) && !isMethodAllowed(to, method);
  const gaining = (method: AuthenticationMethod) =>
    !isMethodAllowed(from, method) && isMethodAllowed(to, method);
  if (losing("legacy_key")) {
    breaks.push(`${plural(legacyKeys, "legacy key", "legacy keys")} will stop working.`);
  }
  if (losing("basic_password")) {
    breaks.push(
      `HTTP Basic with email and password will be refused: ${plural(recentBasicUsers, "user", "users")} used username and password in the last ${BASIC_USE_WINDOW_DAYS} days.`,
    );
  }
  if (gaining("basic_password"))
    loosens.push("HTTP Basic with a user's email and password will be accepted.");
  if (gaining("legacy_key")) loosens.push("Static legacy API keys will be accepted and can be created.");
  return { from, to, legacyKeys, recentBasicUsers, breaks, loosens };
}

/** Sets the security level; audited with what it broke. Legacy cannot be chosen after its sunset. */
export async function changeSecurityLevel(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: SecurityLevelInput,
): Promise<SecurityLevelImpact> {
  const { level } = securityLevelSchema.parse(input);
  const sunset = legacySunset();
  if (level === "legacy" && isLegacyRetired(new Date(), sunset)) {
    throw new FieldError(
      "level",
      `Legacy was retired on ${sunset?.toISOString().slice(0, 10)}; choose High or Extra High`,
    );
  }
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select({ securityLevel: organizations.securityLevel })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for("update")
      .limit(1);
    if (!current) throw new Error(`organization ${organizationId} does not exist`);
    const impact = await securityLevelImpact(tx, organizationId, level);
    if (current.securityLevel === level) return impact;
    await tx
      .update(organizations)
      .set({ securityLevel: level, updatedAt: sql`now()` })
      .where(eq(organizations.id, organizationId));
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "organization.security_level_changed",
      targetType: "organization",
      targetId: organizationId,
      details: {
        from: SECURITY_LEVEL_LABELS[current.securityLevel],
        to: SECURITY_LEVEL_LABELS[level],
        breaks: impact.breaks,
        loosens: impact.loosens,
      },
    });
    return impact;
  });
}

/** Sets the token expiration policy; audited with before and after. */
export async function updateTokenPolicy(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: TokenPolicyInput,
): Promise<TokenPolicy> {
  const policy = tokenPolicySchema.parse(input);
  return executor.transaction(async (tx) => {
    const [before] = await tx
      .select({
        defaultTokenExpirationDays: organizations.defaultTokenExpirationDays,
        maxTokenExpirationDays: organizations.maxTokenExpirationDays,
        allowUnexpiringTokens: organizations.allowUnexpiringTokens,
      })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for("update")
      .limit(1);
    if (!before) throw new Error(`organization ${organizationId} does not exist`);
    const changed = (Object.keys(policy) as Array<keyof TokenPolicy>).filter(
      (key) => before[key] !== policy[key],
    );
    if (changed.length === 0) return policy;
    await tx
      .update(organizations)
      .set({ ...policy, updatedAt: sql`now()` })
      .where(eq(organizations.id, organizationId));
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "organization.token_policy_changed",
      targetType: "organization",
      targetId: organizationId,
      details: { before, after: policy, changed },
    });
    return policy;
  });
}
