import { randomUUID } from "node:crypto";
import type { auditEvents } from "@/lib/db/schema";
import { SYSTEM_ACTOR } from "./record-audit-event";
import type { HeldSecurityEvent } from "./security-event";

export type AuditEventRow = typeof auditEvents.$inferInsert;

/** Organizations tallied one by one at most; drops beyond are tallied with no organization. */
const MAX_ORGANIZATIONS = 1000;

interface Tally {
  dropped: number;
  firstAt: Date;
  lastAt: Date;
}

/**
 * Counts the security events the writer had to give up on, per organization, and turns the
 * counts into audit entries ("N security events dropped between … and …") written with the
 * next batch the database takes — so that an organization's audit log says where it has a
 * gap. Events whose organization was not known yet (a refusal naming a client, resolved at
 * write time) are counted with no organization, as are drops beyond MAX_ORGANIZATIONS.
 *
 * A notice keeps its id and count until it is written: tried again after a lost answer it is
 * not written twice, and drops meanwhile wait for the next notice. At most one notice per
 * organization waits, so memory stays bounded however long the database stays away.
 */
export class DroppedEventTally {
  private readonly counts = new Map<string | null, Tally>();
  private readonly waiting = new Map<string | null, AuditEventRow>();
  private total = 0;

  get dropped(): number {
    return this.total;
  }

  add(events: readonly HeldSecurityEvent[]): void {
    for (const event of events) {
      this.total += 1;
      const known = event.presentedClient ? null : event.organizationId;
      const key = this.counts.has(known) || this.counts.size < MAX_ORGANIZATIONS ? known : null;
      const tally = this.counts.get(key);
      if (tally) {
        tally.dropped += 1;
        if (event.at < tally.firstAt) tally.firstAt = event.at;
        if (event.at > tally.lastAt) tally.lastAt = event.at;
      } else this.counts.set(key, { dropped: 1, firstAt: event.at, lastAt: event.at });
    }
  }

  /** The notices to write with the next batch. */
  notices(now = new Date()): AuditEventRow[] {
    for (const [organizationId, tally] of this.counts) {
      if (this.waiting.has(organizationId)) continue;
      this.counts.delete(organizationId);
      this.waiting.set(organizationId, noticeRow(organizationId, tally, now));
    }
    return [...this.waiting.values()];
  }

  /** The notices that were written go; the others wait for the next batch. */
  written(notices: readonly AuditEventRow[]): void {
    for (const notice of notices) {
      const key = notice.organizationId ?? null;
      if (this.waiting.get(key) === notice) this.waiting.delete(key);
    }
  }
}

function noticeRow(organizationId: string | null, tally: Tally, now: Date): AuditEventRow {
  return {
    id: randomUUID(),
    organizationId,
    actorType: SYSTEM_ACTOR.type,
    actorId: null,
    actorLabel: SYSTEM_ACTOR.label,
    action: "audit.security_events_dropped",
    outcome: "failure",
    details: {
      dropped: tally.dropped,
      firstDroppedEventAt: tally.firstAt.toISOString(),
      lastDroppedEventAt: tally.lastAt.toISOString(),
    },
    createdAt: now,
  };
}
