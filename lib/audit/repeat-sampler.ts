/** What a sampler does with repeats: how to state them, and what tells their subjects apart. */
export interface SamplerPolicy<T> {
  /**
   * One entry standing for `repeats` further occurrences like `sample`, the last at `lastAt`.
   * `mixed`: the repeats were not all about the sample's subject (or were counted under the
   * overflow key), so the summary must not be attributed to it.
   */
  summarize(sample: T, repeats: number, lastAt: number, mixed: boolean): T;
  /** What an occurrence is about (a client ID, say): repeats about another make the window mixed. */
  subjectOf(occurrence: T): string;
  /** The key an occurrence is counted under once the sampler tracks as many keys as it may. */
  overflowKey(occurrence: T): string;
}

/** Starts the keys of overflow windows, which no caller's key does (theirs start with an action). */
const OVERFLOW = "\u0000overflow\u0000";

interface Window<T> {
  sample: T;
  subject: string;
  endsAt: number;
  repeats: number;
  lastAt: number;
  mixed: boolean;
}

/**
 * Records the first occurrence per key and window and counts the rest, which become one
 * summary when the window ends (or at drain). Refusals nothing else bounds — rate-limited
 * ones, malformed credentials, a replayed expired token — thus cost at most two events per key
 * per window, whatever their rate. Memory is bounded too: past `maxKeys` keys in one window,
 * further occurrences are counted under a coarser overflow key (the policy's). The owner
 * calls `sweep` now and then (a timer) to state windows that ended with no occurrence since.
 */
export class RepeatSampler<T> {
  private readonly windows = new Map<string, Window<T>>();
  /** When a full sampler last swept on admit: at most once per tenth of a window, so a flood pays little. */
  private sweptWhenFullAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly policy: SamplerPolicy<T>,
    readonly windowMs = 60_000,
    readonly maxKeys = 10_000,
  ) {}

  get size(): number {
    return this.windows.size;
  }

  /** The entries to record now: this occurrence when it opens a window, and summaries of windows that ended. */
  admit(key: string, occurrence: T, now = Date.now()): T[] {
    // Ended windows are swept by the owner's timer, off the request path; here only when full.
    const full = this.windows.size >= this.maxKeys && now - this.sweptWhenFullAt >= this.windowMs / 10;
    if (full) this.sweptWhenFullAt = now;
    const out = full ? this.sweep(now) : [];
    const current = this.windows.get(key);
    if (current && now < current.endsAt) {
      current.repeats += 1;
      current.lastAt = now;
      if (this.policy.subjectOf(occurrence) !== current.subject) current.mixed = true;
      return out;
    }
    if (current) {
      this.windows.delete(key);
      if (current.repeats > 0) out.push(this.summaryOf(current));
    }
    const overflow = key.startsWith(OVERFLOW);
    if (!overflow && this.windows.size >= this.maxKeys) {
      return [...out, ...this.admit(`${OVERFLOW}${this.policy.overflowKey(occurrence)}`, occurrence, now)];
    }
    this.windows.set(key, {
      sample: occurrence,
      subject: this.policy.subjectOf(occurrence),
      endsAt: now + this.windowMs,
      repeats: 0,
      lastAt: now,
      mixed: overflow,
    });
    out.push(occurrence);
    return out;
  }

  /** Summaries of the windows that ended by `now`; those windows are forgotten. */
  sweep(now = Date.now()): T[] {
    const out: T[] = [];
    for (const [key, window] of this.windows) {
      if (window.endsAt > now) continue;
      this.windows.delete(key);
      if (window.repeats > 0) out.push(this.summaryOf(window));
    }
    return out;
  }

  /** Summaries of every window with repeats so far (on shutdown); the windows go on, counting afresh. */
  drain(): T[] {
    const out: T[] = [];
    for (const window of this.windows.values()) {
      if (window.repeats === 0) continue;
      out.push(this.summaryOf(window));
      window.repeats = 0;
    }
    return out;
  }

  private summaryOf(window: Window<T>): T {
    return this.policy.summarize(window.sample, window.repeats, window.lastAt, window.mixed);
  }
}
