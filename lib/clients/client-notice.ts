import { idleDisableAt, isAboutToIdle } from "./idle-client-policy";

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * What the clients list says beside a client's status when it stopped or stops working soon:
 * disabled by the idle-client policy, disabled by it on a date unless used before, or an old
 * secret in its grace period lapsing. Null when there is nothing to say.
 */
export function clientNotice(
  client: {
    status: "active" | "disabled";
    disabledReason: string | null;
    lastUsedAt: Date | null;
    idleClockStartedAt: Date;
    secretLapsesAt: Date | null;
  },
  idleDays: number | null,
  now: Date,
): string | null {
  if (client.status === "disabled") {
    return client.disabledReason === "idle" ? "Disabled by the idle-client policy" : null;
  }
  const disableAt = idleDisableAt(client, idleDays);
  if (disableAt && isAboutToIdle(disableAt, now))
    return `Disabled by the idle-client policy on ${day(disableAt)} unless used before`;
  if (client.secretLapsesAt) return `Old secret stops working on ${day(client.secretLapsesAt)}`;
  return null;
}
