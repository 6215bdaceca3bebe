/**
 * Collects rows in memory and writes them in batches, off the request path: API audit entries
 * and last-used times would otherwise cost a database write on every request. A batch is
 * written when it is full or after `intervalMs`, and every writer is flushed on shutdown.
 */
export class BatchedWriter<T> {
  private pending: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly maxBatch = 500,
    private readonly intervalMs = 1000,
  ) {
    writers().add(this);
  }

  add(row: T): void {
    this.pending.push(row);
    if (this.pending.length >= this.maxBatch) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending; resolves when every earlier batch is written too. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.pending;
    this.pending = [];
    if (rows.length > 0) {
      this.writing = this.writing.then(() =>
        this.write(rows).catch((error: unknown) => {
          console.error(`[${this.name}] could not write ${rows.length} rows:`, (error as Error).message);
        }),
      );
    }
    return this.writing;
  }
}

const WRITERS = Symbol.for("latchkey.usage.writers");
type Flushable = { flush(): Promise<void> };
type GlobalWithWriters = typeof globalThis & { [WRITERS]?: Set<Flushable> };

function writers(): Set<Flushable> {
  const store = globalThis as GlobalWithWriters;
  store[WRITERS] ??= new Set();
  return store[WRITERS];
}

/** Writes everything every writer holds: called on shutdown before the database closes. */
export async function flushAllWriters(): Promise<void> {
  await Promise.all([...writers()].map((writer) => writer.flush()));
}

/** One writer per name and process, shared by every copy of the module that asks. */
export function sharedWriter<T>(name: string, create: () => BatchedWriter<T>): BatchedWriter<T> {
  const key = Symbol.for(`latchkey.usage.writer.${name}`);
  const store = globalThis as typeof globalThis & Record<symbol, BatchedWriter<T> | undefined>;
  store[key] ??= create();
  return store[key];
}
