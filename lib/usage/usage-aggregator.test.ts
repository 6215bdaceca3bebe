import { describe, expect, it } from "vitest";
import { captureLog } from "@/lib/testing/capture-log";
import { UsageAggregator } from "./usage-aggregator";
import type { UsageEvent } from "./usage-event";

const subject = { organizationId: "org-1", kind: "client" as const, id: "lkc_a" };
const AT = Date.UTC(2026, 2, 3, 10, 15);

function event(overrides: Partial<UsageEvent> = {}): UsageEvent {
  return {
    attribution: { kind: "subject", subject },
    endpoint: "api",
    outcome: "allowed",
    scope: "cases:read",
    ip: "192.0.2.1",
    userAgent: "test",
    at: AT,
    ...overrides,
  };
}

describe("UsageAggregator", () => {
  it("sums requests of one subject, hour, endpoint, outcome and scope into one counter", () => {
    const aggregator = new UsageAggregator();
    aggregator.add(event());
    aggregator.add(event({ at: AT + 60_000 }));
    aggregator.add(event({ outcome: "insufficient_scope", scope: "cases:create" }));
    aggregator.add(event({ at: AT + 3_600_000 }));
    const [snapshot, ...more] = aggregator.drain();
    expect(more).toEqual([]);
    expect(snapshot?.requests).toBe(4);
    expect(
      snapshot?.rollups.map((rollup) => [
        rollup.hourStart.toISOString(),
        rollup.outcome,
        rollup.scope,
        rollup.count,
      ]),
    ).toEqual([
      ["2026-03-03T10:00:00.000Z", "allowed", "cases:read", 2],
      ["2026-03-03T10:00:00.000Z", "insufficient_scope", "cases:create", 1],
      ["2026-03-03T11:00:00.000Z", "allowed", "cases:read", 1],
    ]);
    expect(aggregator.drain()).toEqual([]);
  });

  it("holds a bounded number of counters: beyond, it drops, counts and logs, and existing counters keep counting", () => {
    const log = captureLog();
    try {
      const aggregator = new UsageAggregator({ maxKeys: 3, maxUnattributedKeys: 1, maxSecrets: 1 });
      for (const scope of ["cases:read", "cases:create", "cases:update", "cases:delete", "devices:read"])
        aggregator.add(event({ scope }));
      aggregator.add(event({ scope: "cases:read" }));
      // Refused credentials to attribute have their own, smaller room: junk cannot crowd out the rest.
      aggregator.add(
        event({ attribution: { kind: "named_client", clientId: "lkc_x" }, outcome: "invalid_credentials" }),
      );
      aggregator.add(
        event({ attribution: { kind: "named_client", clientId: "lkc_y" }, outcome: "invalid_credentials" }),
      );
      aggregator.add(event({ secretId: "secret-1" }));
      aggregator.add(event({ secretId: "secret-2" }));
      expect(aggregator.stats()).toEqual({ counted: 0, dropped: 3, keys: 4 });

      const [snapshot] = aggregator.drain();
      expect(snapshot?.requests).toBe(7);
      expect(snapshot?.rollups.find((rollup) => rollup.scope === "cases:read")?.count).toBe(4);
      expect(snapshot?.rollups.map((rollup) => rollup.attribution.kind).sort()).toEqual([
        "named_client",
        "subject",
        "subject",
        "subject",
      ]);
      expect(snapshot?.secrets.map((secret) => secret.secretId)).toEqual(["secret-1"]);
      expect(aggregator.stats()).toEqual({ counted: 7, dropped: 3, keys: 0 });
      const [entry] = log.entries().filter((line) => line.name === "usage" || line.dropped !== undefined);
      expect(entry).toMatchObject({ level: "error", dropped: 3, droppedSoFar: 3 });
      expect(entry?.msg).toMatch(/^usage: dropped 3 requests/);
    } finally {
      log.stop();
    }
  });

  it("hands large counts over in several snapshots, none with more counters than allowed", () => {
    const aggregator = new UsageAggregator();
    for (let index = 0; index < 7; index += 1)
      aggregator.add(event({ scope: `scope-${index}`, secretId: `s${index}` }));
    aggregator.add(event({ scope: "scope-0" }));
    const snapshots = aggregator.drain(3);
    expect(snapshots.map((snapshot) => snapshot.rollups.length)).toEqual([3, 3, 1]);
    expect(snapshots.map((snapshot) => snapshot.requests)).toEqual([4, 3, 1]);
    expect(snapshots.flatMap((snapshot) => snapshot.secrets).length).toBe(7);
    expect(new Set(snapshots.map((snapshot) => snapshot.id)).size).toBe(3);
  });

  it("tallies a secret's API calls, issued tokens and most recent five addresses", () => {
    const aggregator = new UsageAggregator();
    for (let index = 0; index < 7; index += 1)
      aggregator.add(event({ secretId: "s", ip: `192.0.2.${index}`, at: AT + index * 1000 }));
    aggregator.add(event({ secretId: "s", endpoint: "token", scope: "", ip: "192.0.2.6", at: AT + 9000 }));
    // A refused token request obtained nothing: not a use of the secret.
    aggregator.add(event({ secretId: "s", endpoint: "token", scope: "", outcome: "address_not_allowed" }));
    const [secret] = aggregator.drain()[0]?.secrets ?? [];
    expect(secret).toMatchObject({ apiCalls: 7, tokensIssued: 1, lastUsedAt: new Date(AT + 9000) });
    expect(secret?.addresses.map((address) => [address.ip, address.uses])).toEqual([
      ["192.0.2.2", 1],
      ["192.0.2.3", 1],
      ["192.0.2.4", 1],
      ["192.0.2.5", 1],
      ["192.0.2.6", 2],
    ]);
  });
});
