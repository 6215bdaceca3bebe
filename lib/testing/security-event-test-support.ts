import { randomInt } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { flushSecurityEvents } from "@/lib/audit/record-security-event";
import { secretHash } from "@/lib/crypto/secret-hash";
import { getDb } from "@/lib/db/client";
import { type AuditEvent, auditEvents } from "@/lib/db/schema";

/** Helpers shared by the security event tests (not a test itself). */

/** What the tests' callers send as User-Agent. */
export const TEST_USER_AGENT = "latchkey-events-test/1.0 (+https://example.test)";

/**
 * An address of its own for one test (from 198.18.0.0/15, set aside for tests): failure
 * budgets and repeat counts are per address, and the events are found by it.
 */
export function freshAddress(): string {
  return `198.${18 + randomInt(2)}.${randomInt(256)}.${1 + randomInt(254)}`;
}

/** Every security event and audit entry recorded from one address, oldest first, once written. */
export async function eventsFrom(ip: string): Promise<AuditEvent[]> {
  await flushSecurityEvents();
  const db = await getDb();
  return db.select().from(auditEvents).where(eq(auditEvents.ip, ip)).orderBy(asc(auditEvents.createdAt));
}

/**
 * Fails when any of the secrets — or the keyed hash Latchkey stores of it — appears in the
 * text (audit rows as JSON, captured log lines).
 */
export function expectNoSecretIn(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) {
    if (secret.length < 8) throw new Error("a test secret should be long enough to be found");
    for (const form of [secret, secretHash(secret)]) {
      if (text.includes(form))
        throw new Error(`a secret (${secret.slice(0, 6)}…) was found in: ${text.slice(0, 200)}…`);
    }
  }
}
