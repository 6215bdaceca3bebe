import { describe, expect, it } from "vitest";
import { DroppedEventTally } from "./dropped-security-events";
import { ANONYMOUS_ACTOR, type HeldSecurityEvent } from "./security-event";

function held(organizationId: string | null, at: number, presented = false): HeldSecurityEvent {
  return {
    id: `event-${at}`,
    at: new Date(at),
    action: "api_client.authentication_refused",
    organizationId,
    actor: ANONYMOUS_ACTOR,
    origin: { ip: "192.0.2.1", userAgent: null },
    outcome: "denied",
    reason: "wrong_secret",
    ...(presented ? { presentedClient: { clientId: "lkc_x", secretHash: "not-written" } } : {}),
  };
}

describe("DroppedEventTally", () => {
  it("counts drops per organization, and those not resolved yet with none", () => {
    const tally = new DroppedEventTally();
    tally.add([held("org-a", 1000), held("org-a", 3000), held("org-b", 2000), held("org-a", 4000, true)]);
    expect(tally.dropped).toBe(4);
    const notices = tally.notices(new Date(5000));
    expect(notices.map((notice) => [notice.organizationId, notice.details])).toEqual([
      [
        "org-a",
        {
          dropped: 2,
          firstDroppedEventAt: "1970-01-01T00:00:01.000Z",
          lastDroppedEventAt: "1970-01-01T00:00:03.000Z",
        },
      ],
      [
        "org-b",
        {
          dropped: 1,
          firstDroppedEventAt: "1970-01-01T00:00:02.000Z",
          lastDroppedEventAt: "1970-01-01T00:00:02.000Z",
        },
      ],
      [
        null,
        {
          dropped: 1,
          firstDroppedEventAt: "1970-01-01T00:00:04.000Z",
          lastDroppedEventAt: "1970-01-01T00:00:04.000Z",
        },
      ],
    ]);
    expect(JSON.stringify(notices)).not.toContain("not-written");
  });

  it("keeps a notice as it is until written, and counts later drops into the next one", () => {
    const tally = new DroppedEventTally();
    tally.add([held("org-a", 1000)]);
    const first = tally.notices();
    tally.add([held("org-a", 2000)]);
    // Not written (the batch failed): the same notice, same id and count, comes again.
    const again = tally.notices();
    expect(again).toEqual(first);
    tally.written(again);
    const next = tally.notices();
    expect(next).toHaveLength(1);
    expect(next[0]?.id).not.toBe(first[0]?.id);
    expect(next[0]?.details).toMatchObject({ dropped: 1 });
    tally.written(next);
    expect(tally.notices()).toEqual([]);
  });
});
