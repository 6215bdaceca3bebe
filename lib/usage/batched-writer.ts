import { asDatabaseUnavailable } from "@/lib/db/errors";
import { logFor } from "@/lib/log/logger";

const log = logFor("batched-writer");

/** Waits before the 2nd, 3rd and 4th attempt at a batch the database could not take. */
export const RETRY_DELAYS_MS: readonly number[] = [250, 1000, 4000];
/** Rows a writer holds (waiting or being written) at most; beyond, new rows are dropped. */
const MAX_HELD_BATCHES = 20;

/** What a writer did since the process started. */
export interface WriterStats {
  written: number;
  /** Batches attempted again after the database could not take them. */
  retried: number;
  /** Rows given up on: the database stayed away through every retry, or the writer was full. */
  dropped: number;
  /** Rows waiting or being written now. */
  held: number;
}

/**
 * Collects rows in memory and writes them in batches, off the request path: API audit entries
 * and last-used times would otherwise cost a database write on every request. A batch is
 * written when it is full or after `intervalMs`, and every writer is flushed on shutdown.
 *
 * A batch the database cannot take (connection cut, timeout, server restarting) is tried again
 * after each of `retryDelaysMs`; batches stay in order meanwhile. What is still not written
 * after the last attempt — or fails for another reason, which no retry would mend — is counted
 * as dropped and logged, never silently lost.
 */
export class BatchedWriter<T> {
  private pending: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private readonly counts = { written: 0, retried: 0, dropped: 0 };
  private overflow = { rows: 0, reportedAt: 0 };

  constructor(
    readonly name: string,
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly maxBatch = 500,
    private readonly intervalMs = 1000,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {
    writers().add(this);
  }

  add(row: T): void {
    if (this.pending.length + this.inFlight >= this.maxBatch * MAX_HELD_BATCHES) {
      this.overflowed();
      return;
    }
    this.pending.push(row);
    if (this.pending.length >= this.maxBatch) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending; resolves when every earlier batch is written (or given up on). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.pending;
    this.pending = [];
    if (rows.length > 0) {
      this.inFlight += rows.length;
      this.writing = this.writing.then(() => this.writeBatch(rows));
    }
    return this.writing;
  }

  stats(): WriterStats {
    return { ...this.counts, held: this.pending.length + this.inFlight };
  }

  /** Counts what is still held as dropped: the process is about to end without it. */
  abandon(): number {
    const held = this.pending.length + this.inFlight;
    this.pending = [];
    this.inFlight = 0;
    // What is still being written is given up on: a later flush does not wait for it.
    this.writing = Promise.resolve();
    if (held > 0) this.drop(held, "the server stopped before they could be written");
    return held;
  }

  private async writeBatch(rows: T[]): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.write(rows);
        this.counts.written += rows.length;
        break;
      } catch (error) {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined || !asDatabaseUnavailable(error)) {
          this.drop(rows.length, "the database did not take them", error, attempt + 1);
          break;
        }
        this.counts.retried += 1;
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
    this.inFlight = Math.max(0, this.inFlight - rows.length);
  }

  /** A row refused because the writer is full: counted each time, logged once a second. */
  private overflowed(now = Date.now()): void {
    this.counts.dropped += 1;
    this.overflow.rows += 1;
    if (now - this.overflow.reportedAt < 1000) return;
    log.error(
      { writer: this.name, rows: this.overflow.rows, droppedSoFar: this.counts.dropped },
      `dropped ${this.overflow.rows} rows: the writer is full while the database is away`,
    );
    this.overflow = { rows: 0, reportedAt: now };
  }

  private drop(rows: number, reason: string, error?: unknown, attempts?: number): void {
    this.counts.dropped += rows;
    log.error(
      { writer: this.name, rows, attempts, droppedSoFar: this.counts.dropped, err: error },
      `dropped ${rows} rows: ${reason}`,
    );
  }
}

const WRITERS = Symbol.for("latchkey.usage.writers");
type Writer = Pick<BatchedWriter<unknown>, "name" | "flush" | "stats" | "abandon">;
type GlobalWithWriters = typeof globalThis & { [WRITERS]?: Set<Writer> };

function writers(): Set<Writer> {
  const store = globalThis as GlobalWithWriters;
  store[WRITERS] ??= new Set();
  return store[WRITERS];
}

/**
 * Writes everything every writer holds: called on shutdown before the database closes. Given a
 * deadline, rows still unwritten when it passes are counted as dropped (and logged) and the
 * promise resolves, so that a database that is away cannot hold the shutdown up.
 */
export async function flushAllWriters(deadlineMs?: number): Promise<void> {
  const flushed = Promise.all([...writers()].map((writer) => writer.flush())).then(() => true);
  if (deadlineMs === undefined) {
    await flushed;
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
  });
  const done = await Promise.race([flushed, expired]);
  clearTimeout(timer);
  if (!done) for (const writer of writers()) writer.abandon();
}

/** Every writer's counts, by name: for /api/health and the logs. */
export function batchedWriteStats(): Record<string, WriterStats> {
  return Object.fromEntries([...writers()].map((writer) => [writer.name, writer.stats()]));
}

/** One writer per name and process, shared by every copy of the module that asks. */
export function sharedWriter<T>(name: string, create: () => BatchedWriter<T>): BatchedWriter<T> {
  const key = Symbol.for(`latchkey.usage.writer.${name}`);
  const store = globalThis as typeof globalThis & Record<symbol, BatchedWriter<T> | undefined>;
  store[key] ??= create();
  return store[key];
}
