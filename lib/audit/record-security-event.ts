import { randomUUID } from "node:crypto";
import { addressBucket } from "@/lib/net/address-bucket";
import { BatchedWriter, RETRY_DELAYS_MS, sharedWriter } from "@/lib/usage/batched-writer";
import { DroppedEventTally } from "./dropped-security-events";
import { RepeatSampler } from "./repeat-sampler";
import { ANONYMOUS_ACTOR, type HeldSecurityEvent, type SecurityEvent } from "./security-event";
import { writeSecurityEvents } from "./write-security-events";

export const SECURITY_EVENTS_WRITER = "security-events";
/** Events per batch, and how long one waits at most before it is written. */
const BATCH_SIZE = 500;
const INTERVAL_MS = 1000;
/** Repeats of one refusal are counted over this long, then stated in one summary. */
export const REPEAT_WINDOW_MS = 60_000;
/** Distinct refusal sources counted one by one per window; beyond, they are counted together. */
const MAX_REPEAT_KEYS = 10_000;

/** What a refusal is about, for telling repeats apart: the client it named, or its target. */
function subjectOf(event: HeldSecurityEvent): string {
  return event.presentedClient?.clientId ?? `${event.target?.type ?? ""}:${event.target?.id ?? ""}`;
}

function summarize(sample: HeldSecurityEvent, repeats: number, lastAt: number, mixed: boolean) {
  const summary: HeldSecurityEvent = {
    ...sample,
    id: randomUUID(),
    at: new Date(lastAt),
    details: {
      ...sample.details,
      repeats,
      firstAt: sample.at.toISOString(),
      lastAt: new Date(lastAt).toISOString(),
    },
  };
  if (!mixed) return summary;
  // Repeats about several subjects (or from sources beyond the bound) may belong to several
  // organizations: the count is attributed to none, so that no organization learns of another's.
  const { presentedClient: _client, target: _target, ...rest } = summary;
  return {
    ...rest,
    organizationId: null,
    actor: ANONYMOUS_ACTOR,
    details: { ...summary.details, subjects: "several" },
  };
}

interface SecurityEventState {
  writer: BatchedWriter<HeldSecurityEvent>;
  sampler: RepeatSampler<HeldSecurityEvent>;
  dropped: DroppedEventTally;
  sweeping?: NodeJS.Timeout;
}

const STATE = Symbol.for("latchkey.audit.securityEvents");
type GlobalWithState = typeof globalThis & { [STATE]?: SecurityEventState };

/** One writer, sampler and tally per process, shared by every copy of this module. */
function state(): SecurityEventState {
  const store = globalThis as GlobalWithState;
  if (store[STATE]) return store[STATE];
  const dropped = new DroppedEventTally();
  const sampler = new RepeatSampler<HeldSecurityEvent>(
    {
      summarize,
      subjectOf,
      overflowKey: (event) => `${event.action}|${event.reason ?? ""}`,
    },
    REPEAT_WINDOW_MS,
    MAX_REPEAT_KEYS,
  );
  const writer = sharedWriter(
    SECURITY_EVENTS_WRITER,
    () =>
      new BatchedWriter<HeldSecurityEvent>(
        SECURITY_EVENTS_WRITER,
        async (events) => {
          const notices = dropped.notices();
          await writeSecurityEvents(events, notices);
          dropped.written(notices);
        },
        BATCH_SIZE,
        INTERVAL_MS,
        RETRY_DELAYS_MS,
        {
          // What is kept when the database is slow is the most recent; what went is counted,
          // logged, shown in /api/health and stated in the audit log once it is back.
          whenFull: "drop-oldest",
          onDrop: (events) => dropped.add(events),
          // On shutdown (and in tests): the repeats counted so far are written too.
          beforeFlush: () => {
            for (const summary of sampler.drain()) writer.add(summary);
          },
        },
      ),
  );
  store[STATE] = { writer, sampler, dropped };
  return store[STATE];
}

/** States windows that ended while their refusals stopped; runs only while some are open. */
function keepSweeping(current: SecurityEventState): void {
  if (current.sweeping || current.sampler.size === 0) return;
  current.sweeping = setInterval(() => {
    for (const summary of current.sampler.sweep()) current.writer.add(summary);
    if (current.sampler.size === 0) {
      clearInterval(current.sweeping);
      current.sweeping = undefined;
    }
  }, REPEAT_WINDOW_MS / 6);
  current.sweeping.unref();
}

export interface RecordOptions {
  /**
   * For refusals that no failure budget bounds (rate-limited ones, malformed credentials,
   * proven but refused credentials): what, besides the action, reason and the caller's address
   * range, tells one source of repeats from another — a token's or client's id, never anything
   * a caller can vary for free. Such refusals are recorded once per key and minute, and their
   * repeats as one summary (repeat-sampler.ts), so a storm of them writes a bounded number of rows.
   */
  repeatsOf?: ReadonlyArray<string | null | undefined>;
}

/**
 * Records a security event without waiting for the write: it is held in memory and written in
 * a batch, off the request path, so that recording costs a request no database work and every
 * refusal the same. Refusals that spend a failure budget (wrong secrets, unknown tokens, wrong
 * passwords) are each recorded — the budget bounds how many one source can make — and once the
 * budget is spent its 429s are recorded with `repeatsOf`.
 */
export function recordSecurityEvent(event: SecurityEvent, options: RecordOptions = {}): void {
  const current = state();
  const held: HeldSecurityEvent = { ...event, id: randomUUID(), at: new Date() };
  if (!options.repeatsOf) {
    current.writer.add(held);
    return;
  }
  const key = [event.action, event.reason ?? "", addressBucket(event.origin.ip), ...options.repeatsOf].join(
    "|",
  );
  for (const entry of current.sampler.admit(key, held)) current.writer.add(entry);
  keepSweeping(current);
}

/** Writes every held event and the repeats counted so far; resolves once written (or given up on). */
export function flushSecurityEvents(): Promise<void> {
  return state().writer.flush();
}

/** For /api/health: what this process recorded and had to drop. */
export function securityEventStats() {
  const current = state();
  return { ...current.writer.stats(), repeatWindows: current.sampler.size };
}
