import { randomUUID } from "node:crypto";
import { logFor } from "@/lib/log/logger";
import type { UsageAttribution, UsageEvent } from "./usage-event";
import type { UsageEndpoint, UsageOutcome } from "./usage-outcomes";
import type { UsageSubject } from "./usage-subject";

const log = logFor("usage");

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Counters per snapshot: one snapshot is one transaction. */
export const SNAPSHOT_COUNTERS = 500;
/** Addresses kept per old secret (the most recent). */
export const OLD_SECRET_ADDRESSES = 5;

/** How much one aggregator holds between writes, at most. */
export interface UsageLimits {
  /** Distinct (subject, hour, endpoint, outcome, scope) counters of attributed requests. */
  maxKeys: number;
  /** Distinct counters of refused credentials still to attribute: junk cannot crowd out real usage. */
  maxUnattributedKeys: number;
  /** Distinct client secrets whose uses are counted. */
  maxSecrets: number;
}

export const DEFAULT_USAGE_LIMITS: UsageLimits = {
  maxKeys: 20_000,
  maxUnattributedKeys: 2_000,
  maxSecrets: 5_000,
};

export interface RollupIncrement {
  attribution: UsageAttribution;
  hourStart: Date;
  endpoint: UsageEndpoint;
  outcome: UsageOutcome;
  scope: string;
  count: number;
}

export interface LastSeen {
  subject: UsageSubject;
  at: Date;
  ip: string;
  userAgent: string;
  endpoint: UsageEndpoint;
}

export interface SecretUse {
  secretId: string;
  apiCalls: number;
  tokensIssued: number;
  lastUsedAt: Date;
  /** The most recent addresses, at most OLD_SECRET_ADDRESSES. */
  addresses: { ip: string; uses: number; lastUsedAt: Date; userAgent: string }[];
}

/** What one write adds: every counter since the last one, under an ID that makes it written once. */
export interface UsageSnapshot {
  id: string;
  rollups: RollupIncrement[];
  lastSeen: LastSeen[];
  secrets: SecretUse[];
  /** Requests its rollups count. */
  requests: number;
}

export interface UsageStats {
  /** Requests counted into a snapshot since the process started. */
  counted: number;
  /** Requests not counted because the aggregator held as many counters as it may. */
  dropped: number;
  /** Counters held now. */
  keys: number;
}

interface SecretTally {
  apiCalls: number;
  tokensIssued: number;
  lastUsedAt: number;
  addresses: Map<string, { uses: number; lastUsedAt: number; userAgent: string }>;
}

function attributionKey(attribution: UsageAttribution): string {
  switch (attribution.kind) {
    case "subject": {
      const { organizationId, kind, id } = attribution.subject;
      return `s|${organizationId}|${kind}|${id}`;
    }
    case "named_client":
      return `c|${attribution.clientId}`;
    case "presented_token":
      return `t|${attribution.tokenHash}`;
  }
}

/**
 * Counts requests in memory, per subject, hour, endpoint, outcome and scope, until `drain`
 * hands the counts over to be written: a request costs a map update, never a database write.
 * Memory is bounded: past `limits`, a request that would need a new counter is dropped —
 * counted, and logged once per drain — while existing counters keep counting.
 */
export class UsageAggregator {
  private rollups = new Map<string, RollupIncrement>();
  private unattributedKeys = 0;
  private lastSeen = new Map<string, Omit<LastSeen, "at"> & { at: number }>();
  private secrets = new Map<string, SecretTally>();
  private requests = 0;
  private readonly counts = { counted: 0, dropped: 0 };
  private droppedSinceDrain = 0;

  constructor(private readonly limits: UsageLimits = DEFAULT_USAGE_LIMITS) {}

  add(event: UsageEvent): void {
    const subjectKey = attributionKey(event.attribution);
    const hourStart = Math.floor(event.at / HOUR_MS) * HOUR_MS;
    const key = `${subjectKey}|${hourStart}|${event.endpoint}|${event.outcome}|${event.scope}`;
    const existing = this.rollups.get(key);
    if (existing) existing.count += 1;
    else {
      const unattributed = event.attribution.kind !== "subject";
      const full = unattributed
        ? this.unattributedKeys >= this.limits.maxUnattributedKeys
        : this.rollups.size - this.unattributedKeys >= this.limits.maxKeys;
      if (full) {
        this.counts.dropped += 1;
        this.droppedSinceDrain += 1;
        return;
      }
      if (unattributed) this.unattributedKeys += 1;
      this.rollups.set(key, {
        attribution: event.attribution,
        hourStart: new Date(hourStart),
        endpoint: event.endpoint,
        outcome: event.outcome,
        scope: event.scope,
        count: 1,
      });
    }
    this.requests += 1;
    if (event.attribution.kind === "subject" && event.outcome === "allowed") {
      const seen = this.lastSeen.get(subjectKey);
      if (!seen) {
        this.lastSeen.set(subjectKey, {
          subject: event.attribution.subject,
          at: event.at,
          ip: event.ip,
          userAgent: event.userAgent,
          endpoint: event.endpoint,
        });
      } else if (seen.at <= event.at) {
        // Updated in place: a busy client costs no allocation per request.
        seen.at = event.at;
        seen.ip = event.ip;
        seen.userAgent = event.userAgent;
        seen.endpoint = event.endpoint;
      }
    }
    if (event.secretId) this.countSecretUse(event.secretId, event);
  }

  /**
   * Everything counted since the last drain, and a fresh start: snapshots of at most
   * `perSnapshot` counters each (none when nothing was counted), so that no one write holds the
   * database long — the embedded one answers one query at a time.
   */
  drain(perSnapshot = SNAPSHOT_COUNTERS): UsageSnapshot[] {
    if (this.droppedSinceDrain > 0) {
      log.error(
        { dropped: this.droppedSinceDrain, droppedSoFar: this.counts.dropped, keys: this.rollups.size },
        `usage: dropped ${this.droppedSinceDrain} requests: as many usage counters were held as allowed`,
      );
      this.droppedSinceDrain = 0;
    }
    if (this.requests === 0) return [];
    const rollups = [...this.rollups.values()];
    const lastSeen = [...this.lastSeen.values()].map((seen) => ({ ...seen, at: new Date(seen.at) }));
    const secrets = [...this.secrets.entries()].map(([secretId, tally]) => ({
      secretId,
      apiCalls: tally.apiCalls,
      tokensIssued: tally.tokensIssued,
      lastUsedAt: new Date(tally.lastUsedAt),
      addresses: [...tally.addresses.entries()].map(([ip, address]) => ({
        ip,
        uses: address.uses,
        lastUsedAt: new Date(address.lastUsedAt),
        userAgent: address.userAgent,
      })),
    }));
    const snapshots: UsageSnapshot[] = [];
    const count = Math.max(
      1,
      Math.ceil(Math.max(rollups.length, lastSeen.length, secrets.length) / perSnapshot),
    );
    for (let index = 0; index < count; index += 1) {
      const slice = <T>(items: T[]) => items.slice(index * perSnapshot, (index + 1) * perSnapshot);
      const part = slice(rollups);
      snapshots.push({
        id: randomUUID(),
        rollups: part,
        lastSeen: slice(lastSeen),
        secrets: slice(secrets),
        requests: part.reduce((total, rollup) => total + rollup.count, 0),
      });
    }
    this.counts.counted += this.requests;
    this.rollups = new Map();
    this.unattributedKeys = 0;
    this.lastSeen = new Map();
    this.secrets = new Map();
    this.requests = 0;
    return snapshots;
  }

  stats(): UsageStats {
    return { ...this.counts, keys: this.rollups.size };
  }

  private countSecretUse(secretId: string, event: UsageEvent): void {
    let tally = this.secrets.get(secretId);
    if (!tally) {
      // Past the limit a secret's uses go uncounted; its request is still in the rollups.
      if (this.secrets.size >= this.limits.maxSecrets) return;
      tally = { apiCalls: 0, tokensIssued: 0, lastUsedAt: 0, addresses: new Map() };
      this.secrets.set(secretId, tally);
    }
    if (event.endpoint === "api") tally.apiCalls += 1;
    else if (event.outcome === "allowed") tally.tokensIssued += 1;
    else return;
    tally.lastUsedAt = Math.max(tally.lastUsedAt, event.at);
    const address = tally.addresses.get(event.ip);
    if (address) {
      address.uses += 1;
      if (event.at >= address.lastUsedAt) {
        address.lastUsedAt = event.at;
        address.userAgent = event.userAgent;
      }
      return;
    }
    tally.addresses.set(event.ip, { uses: 1, lastUsedAt: event.at, userAgent: event.userAgent });
    if (tally.addresses.size > OLD_SECRET_ADDRESSES) {
      // Only the most recent addresses are kept (in the database as well): forget the oldest.
      let oldest: string | undefined;
      let oldestAt = Number.POSITIVE_INFINITY;
      for (const [ip, entry] of tally.addresses) {
        if (entry.lastUsedAt < oldestAt) {
          oldest = ip;
          oldestAt = entry.lastUsedAt;
        }
      }
      if (oldest !== undefined) tally.addresses.delete(oldest);
    }
  }
}
