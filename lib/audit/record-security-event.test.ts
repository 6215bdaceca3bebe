import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditEvents, organizations } from "@/lib/db/schema";
import { checkHealth } from "@/lib/health/check-health";
import { captureLog } from "@/lib/testing/capture-log";
import { createTestOrganization } from "@/lib/testing/factories";
import { freshAddress, TEST_USER_AGENT } from "@/lib/testing/security-event-test-support";
import { flushAllWriters } from "@/lib/usage/batched-writer";
import { flushSecurityEvents, recordSecurityEvent, securityEventStats } from "./record-security-event";
import { ANONYMOUS_ACTOR, type SecurityEvent } from "./security-event";

function refusal(
  organizationId: string | null,
  ip: string,
  details: Record<string, unknown> = {},
): SecurityEvent {
  return {
    action: "personal_token.refused",
    organizationId,
    actor: ANONYMOUS_ACTOR,
    origin: { ip, userAgent: TEST_USER_AGENT },
    outcome: "denied",
    reason: "unknown_token",
    details,
  };
}

async function rowsFrom(ip: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(eq(auditEvents.ip, ip));
}

async function droppedInHealth(): Promise<number> {
  const body = (await (await checkHealth()).json()) as {
    batchedWrites: { dropped: number; droppedByWriter: Record<string, number> };
  };
  return body.batchedWrites.droppedByWriter["security-events"] ?? 0;
}

describe("recordSecurityEvent", () => {
  it("holds events in memory, off the request path, and writes them on flush", async () => {
    const { organization } = await createTestOrganization();
    const ip = freshAddress();
    await flushSecurityEvents();
    recordSecurityEvent(refusal(organization.id, ip));
    recordSecurityEvent(refusal(null, ip));
    const limited = { ...refusal(organization.id, ip), reason: "rate_limited" as const };
    for (let attempt = 0; attempt < 3; attempt += 1) recordSecurityEvent(limited, { repeatsOf: [] });
    expect(securityEventStats().held).toBe(3);
    // What the shutdown runs: every writer, this one included, with the repeats counted so far.
    await flushAllWriters();
    expect(securityEventStats().held).toBe(0);
    const rows = await rowsFrom(ip);
    expect(rows.map((row) => [row.organizationId, row.reason, row.details.repeats ?? 0])).toEqual(
      expect.arrayContaining([
        [organization.id, "unknown_token", 0],
        [null, "unknown_token", 0],
        [organization.id, "rate_limited", 0],
        [organization.id, "rate_limited", 2],
      ]),
    );
    expect(rows).toHaveLength(4);
  });

  it("when full, drops the oldest, counts them, logs them, and says so in the organization's audit log", async () => {
    const { organization } = await createTestOrganization();
    const ip = freshAddress();
    await flushSecurityEvents();
    const log = captureLog();
    const droppedBefore = await droppedInHealth();
    try {
      // More than the writer holds (20 batches of 500) before it gets a chance to write any.
      for (let seq = 0; seq < 10_120; seq += 1) recordSecurityEvent(refusal(organization.id, ip, { seq }));
      expect(securityEventStats()).toMatchObject({ held: 10_000 });
      await flushSecurityEvents();
    } finally {
      log.stop();
    }
    expect((await droppedInHealth()) - droppedBefore).toBe(120);
    const logged = log.entries().find((line) => line.writer === "security-events");
    expect(logged).toMatchObject({
      level: "error",
      whenFull: "drop-oldest",
      msg: expect.stringMatching(/oldest/),
    });

    const rows = await rowsFrom(ip);
    const seqs = rows.map((row) => Number(row.details.seq)).sort((a, b) => a - b);
    expect(seqs).toHaveLength(10_000);
    // The oldest went, the most recent were kept.
    expect(seqs[0]).toBe(120);
    expect(seqs.at(-1)).toBe(10_119);

    const db = await getDb();
    const notices = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, organization.id),
          eq(auditEvents.action, "audit.security_events_dropped"),
        ),
      );
    expect(notices).toMatchObject([
      { actorType: "system", actorLabel: "Latchkey", outcome: "failure", details: { dropped: 120 } },
    ]);
  });

  it("leaves out events of an organization deleted before they are written, and writes the rest", async () => {
    const kept = await createTestOrganization();
    const gone = await createTestOrganization();
    const ip = freshAddress();
    await flushSecurityEvents();
    recordSecurityEvent(refusal(gone.organization.id, ip));
    recordSecurityEvent(refusal(kept.organization.id, ip));
    const db = await getDb();
    await db.delete(organizations).where(eq(organizations.id, gone.organization.id));
    await flushSecurityEvents();
    expect((await rowsFrom(ip)).map((row) => row.organizationId)).toEqual([kept.organization.id]);
    expect(securityEventStats()).toMatchObject({ held: 0 });
  });

  it("writes a storm of refusals from one source as one event and, at flush, one count", async () => {
    const { organization } = await createTestOrganization();
    const ip = freshAddress();
    const event = { ...refusal(organization.id, ip), reason: "rate_limited" as const };
    for (let attempt = 0; attempt < 1000; attempt += 1) recordSecurityEvent(event, { repeatsOf: [] });
    await flushSecurityEvents();
    const rows = await rowsFrom(ip);
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.details.repeats ?? 0).sort()).toEqual([0, 999]);
  });
});
