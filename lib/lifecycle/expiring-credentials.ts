import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { apiClientSecrets, apiClients, organizations } from "@/lib/db/schema";
import { listOrganizationTokens, listUserTokens } from "@/lib/tokens/token-queries";
import { DEFAULT_EXPIRY_NOTICE_DAYS } from "./expiry-notice-schema";

const DAY_MS = 86_400_000;

/** A personal token or a client secret that lapses within the organization's notice window. */
export interface ExpiringCredential {
  kind: "token" | "client_secret";
  /** The personal token's id, or the client secret's. */
  id: string;
  /** The token's name, or the client's. */
  name: string;
  /** The token's owner (an email), or the client's public ID. */
  owner: string;
  /** For a client secret: the client's public ID, for its page. */
  clientId: string | null;
  expiresAt: Date;
  daysLeft: number;
}

export async function getExpiryNoticeDays(executor: Executor, organizationId: string): Promise<number[]> {
  const [row] = await executor
    .select({ days: organizations.expiryNoticeDays })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.days?.length ? row.days : [...DEFAULT_EXPIRY_NOTICE_DAYS];
}

const daysLeft = (expiresAt: Date, now: Date) =>
  Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));

/**
 * What lapses within the organization's largest notice threshold, soonest first: live personal
 * tokens (by the expiry in force, the policy's cap included) — every user's, or one user's —
 * and live client secrets with an end (an old secret in its rotation grace period).
 */
export async function listExpiringCredentials(
  executor: Executor,
  organizationId: string,
  options: { now?: Date; userId?: string } = {},
): Promise<ExpiringCredential[]> {
  const now = options.now ?? new Date();
  const window = Math.max(...(await getExpiryNoticeDays(executor, organizationId)));
  const until = new Date(now.getTime() + window * DAY_MS);
  const tokens = options.userId
    ? await listUserTokens(executor, organizationId, options.userId)
    : await listOrganizationTokens(executor, organizationId);
  const expiringTokens: ExpiringCredential[] = tokens
    .filter((token) => token.expiresAt && token.expiresAt > now && token.expiresAt <= until)
    .map((token) => ({
      kind: "token",
      id: token.id,
      name: token.name,
      owner: token.ownerEmail,
      clientId: null,
      expiresAt: token.expiresAt as Date,
      daysLeft: daysLeft(token.expiresAt as Date, now),
    }));
  const secrets = options.userId
    ? []
    : await executor
        .select({
          id: apiClientSecrets.id,
          expiresAt: apiClientSecrets.expiresAt,
          name: apiClients.name,
          clientId: apiClients.clientId,
        })
        .from(apiClientSecrets)
        .innerJoin(apiClients, eq(apiClients.id, apiClientSecrets.apiClientId))
        .where(
          and(
            eq(apiClients.organizationId, organizationId),
            isNull(apiClientSecrets.revokedAt),
            gt(apiClientSecrets.expiresAt, now),
            lte(apiClientSecrets.expiresAt, until),
          ),
        );
  const expiringSecrets: ExpiringCredential[] = secrets.map((secret) => ({
    kind: "client_secret",
    id: secret.id,
    name: secret.name,
    owner: secret.clientId,
    clientId: secret.clientId,
    expiresAt: secret.expiresAt as Date,
    daysLeft: daysLeft(secret.expiresAt as Date, now),
  }));
  return [...expiringTokens, ...expiringSecrets].sort(
    (a, b) => a.expiresAt.getTime() - b.expiresAt.getTime(),
  );
}
