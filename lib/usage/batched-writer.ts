import { asDatabaseUnavailable } from "@/lib/db/errors";
import { logFor } from "@/lib/log/logger";

const log = logFor("batched-writer");

/** Waits before the 2nd, 3rd and 4th attempt at a batch the database could not take. */
export const RETRY_DELAYS_MS: readonly number[] = [250, 1000, 4000];
/** Batches' worth of rows a writer holds (waiting or being written) at most. */
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

export interface WriterOptions<T> {
  /**
   * What goes when the writer already holds all it may: the new row ("drop-newest", the
   * default), or the oldest row not yet being written ("drop-oldest"), so that what is kept is
   * the most recent. Either way memory stays bounded and every row given up on is counted.
   */
  whenFull?: "drop-newest" | "drop-oldest";
  /** Told of the rows given up on, whatever the cause (full, database away, shutdown). */
  onDrop?: (rows: readonly T[]) => void;
  /**
   * Runs at each explicit flush (on shutdown, in tests) before the pending rows are written,
   * not at the timer's: a writer whose caller holds rows back (aggregated counts, say) adds
   * them here, so that nothing stays behind when the process stops.
   */
  beforeFlush?: () => void;
}

/**
 * Collects rows in memory and writes them in batches, off the request path: API audit entries,
 * security events and last-used times would otherwise cost a database write on every request.
 * A batch is written when it is full or after `intervalMs`, and every writer is flushed on
 * shutdown.
 *
 * A batch the database cannot take (connection cut, timeout, server restarting) is tried again
 * after each of `retryDelaysMs`; batches stay in order meanwhile. What is still not written
 * after the last attempt — or fails for another reason, which no retry would mend — is counted
 * as dropped and logged, never silently lost. While the database is slow, at most
 * MAX_HELD_BATCHES batches of rows are held; beyond, rows are dropped (see `whenFull`).
 */
export class BatchedWriter<T> {
  /** Rows not yet handed to a batch. */
  private pending: T[] = [];
  /** Batches handed over and waiting their turn; drop-oldest takes rows from the first. */
  private queued: T[][] = [];
  private queuedRows = 0;
  /** The batch being written now: it is not dropped to make room. */
  private writingRows: T[] | null = null;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Moves on when the writer abandons what it holds: a write still running then counts for nothing. */
  private generation = 0;
  private readonly counts = { written: 0, retried: 0, dropped: 0 };
  private overflow = { rows: 0, reportedAt: 0 };
  private readonly whenFull: "drop-newest" | "drop-oldest";

  constructor(
    readonly name: string,
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly maxBatch = 500,
    private readonly intervalMs = 1000,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
    private readonly options: WriterOptions<T> = {},
  ) {
    this.whenFull = options.whenFull ?? "drop-newest";
    writers().add(this);
  }

  add(row: T): void {
    if (this.held() >= this.maxBatch * MAX_HELD_BATCHES && !this.makeRoom()) {
      this.overflowed([row]);
      return;
    }
    this.pending.push(row);
    if (this.pending.length >= this.maxBatch) void this.flushPending();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flushPending(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending; resolves when every earlier batch is written (or given up on). */
  flush(): Promise<void> {
    this.options.beforeFlush?.();
    return this.flushPending();
  }

  stats(): WriterStats {
    return { ...this.counts, held: this.held() };
  }

  /** Counts what is still held as dropped: the process is about to end without it. */
  abandon(): number {
    const rows = [...(this.writingRows ?? []), ...this.queued.flat(), ...this.pending];
    this.pending = [];
    this.queued = [];
    this.queuedRows = 0;
    this.writingRows = null;
    this.generation += 1;
    // What is still being written is given up on: a later flush does not wait for it.
    this.writing = Promise.resolve();
    if (rows.length > 0) this.drop(rows, "the server stopped before they could be written");
    return rows.length;
  }

  private held(): number {
    return this.pending.length + this.queuedRows + (this.writingRows?.length ?? 0);
  }

  private flushPending(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) {
      this.queued.push(batch);
      this.queuedRows += batch.length;
      this.writing = this.writing.then(() => this.writeQueued(batch));
    }
    return this.writing;
  }

  /** Under drop-oldest, gives up the oldest row not being written; false when there is none. */
  private makeRoom(): boolean {
    if (this.whenFull !== "drop-oldest") return false;
    const batch = this.queued.find((candidate) => candidate.length > 0);
    const oldest = batch ? batch.splice(0, 1) : this.pending.splice(0, 1);
    if (oldest.length === 0) return false;
    if (batch) this.queuedRows -= 1;
    this.overflowed(oldest);
    return true;
  }

  private async writeQueued(batch: T[]): Promise<void> {
    const index = this.queued.indexOf(batch);
    // Not there: abandoned on shutdown, already counted as dropped.
    if (index < 0) return;
    this.queued.splice(index, 1);
    this.queuedRows -= batch.length;
    if (batch.length === 0) return;
    this.writingRows = batch;
    await this.writeBatch(batch, this.generation);
    if (this.writingRows === batch) this.writingRows = null;
  }

  private async writeBatch(rows: T[], generation: number): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.write(rows);
        if (generation === this.generation) this.counts.written += rows.length;
        return;
      } catch (error) {
        if (generation !== this.generation) return;
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined || !asDatabaseUnavailable(error)) {
          this.drop(rows, "the database did not take them", error, attempt + 1);
          return;
        }
        this.counts.retried += 1;
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  /** Rows given up on because the writer is full: counted each time, logged once a second. */
  private overflowed(rows: T[], now = Date.now()): void {
    this.counts.dropped += rows.length;
    this.overflow.rows += rows.length;
    this.options.onDrop?.(rows);
    if (now - this.overflow.reportedAt < 1000) return;
    const which = this.whenFull === "drop-oldest" ? "oldest" : "newest";
    log.error(
      {
        writer: this.name,
        rows: this.overflow.rows,
        droppedSoFar: this.counts.dropped,
        whenFull: this.whenFull,
      },
      `dropped ${this.overflow.rows} rows (the ${which}): the writer is full while the database is slow or away`,
    );
    this.overflow = { rows: 0, reportedAt: now };
  }

  private drop(rows: readonly T[], reason: string, error?: unknown, attempts?: number): void {
    this.counts.dropped += rows.length;
    this.options.onDrop?.(rows);
    log.error(
      { writer: this.name, rows: rows.length, attempts, droppedSoFar: this.counts.dropped, err: error },
      `dropped ${rows.length} rows: ${reason}`,
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
