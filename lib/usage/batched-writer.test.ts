import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { captureLog } from "@/lib/testing/capture-log";
import { BatchedWriter, batchedWriteStats, flushAllWriters } from "./batched-writer";

/** What a write throws when the database is away: drizzle's error around the driver's. */
const away = () =>
  Object.assign(new Error("Failed query: insert …"), {
    query: "insert",
    params: [],
    cause: new DatabaseUnavailableError("CONNECTION_CLOSED"),
  });

import { lastUsedNoter } from "./last-used-noter";

describe("BatchedWriter", () => {
  it("writes nothing per row, one batch when full, and the rest on flush", async () => {
    const batches: number[][] = [];
    const writer = new BatchedWriter<number>("test-full", async (rows) => void batches.push(rows), 3, 60_000);
    writer.add(1);
    writer.add(2);
    expect(batches).toEqual([]);
    writer.add(3);
    await writer.flush();
    expect(batches).toEqual([[1, 2, 3]]);
    writer.add(4);
    await flushAllWriters();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("tries a batch again while the database is away, keeping later batches in order", async () => {
    const written: number[] = [];
    let failures = 2;
    const writer = new BatchedWriter<number>(
      "test-retry",
      async (rows) => {
        if (failures-- > 0) throw away();
        written.push(...rows);
      },
      500,
      60_000,
      [1, 1, 1],
    );
    writer.add(1);
    void writer.flush();
    writer.add(2);
    await writer.flush();
    expect(written).toEqual([1, 2]);
    expect(writer.stats()).toEqual({ written: 2, retried: 2, dropped: 0, held: 0 });
  });

  it("counts a batch as dropped, and says so, once the retries are spent", async () => {
    const log = captureLog();
    try {
      const writer = new BatchedWriter<number>(
        "test-spent",
        async () => Promise.reject(away()),
        500,
        60_000,
        [1, 1],
      );
      writer.add(1);
      writer.add(2);
      await writer.flush();
      expect(writer.stats()).toEqual({ written: 0, retried: 2, dropped: 2, held: 0 });
      expect(batchedWriteStats()["test-spent"]).toMatchObject({ dropped: 2 });
      const [entry] = log.entries().filter((line) => line.writer === "test-spent");
      expect(entry).toMatchObject({
        level: "error",
        rows: 2,
        attempts: 3,
        msg: expect.stringMatching(/^dropped 2 rows/),
      });
    } finally {
      log.stop();
    }
  });

  it("drops at once what no retry would mend (not an outage)", async () => {
    let attempts = 0;
    const writer = new BatchedWriter<number>(
      "test-bug",
      async () => {
        attempts += 1;
        throw new TypeError("a bug");
      },
      500,
      60_000,
      [1, 1],
    );
    writer.add(1);
    await writer.flush();
    expect(attempts).toBe(1);
    expect(writer.stats()).toMatchObject({ dropped: 1, retried: 0 });
  });

  it("holds a bounded number of rows while the database is away; the rest are dropped", async () => {
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writer = new BatchedWriter<number>("test-full-memory", () => blocked, 2, 60_000);
    for (let row = 0; row < 45; row += 1) writer.add(row);
    expect(writer.stats()).toMatchObject({ held: 40, dropped: 5 });
    release();
    await writer.flush();
    expect(writer.stats()).toMatchObject({ written: 40, held: 0, dropped: 5 });
  });

  it("when full, can drop the oldest rows instead, keeping the batch being written, and says which went", async () => {
    const log = captureLog();
    try {
      let release: () => void = () => {};
      const blocked = new Promise<void>((resolve) => {
        release = resolve;
      });
      const written: number[] = [];
      const dropped: number[] = [];
      const writer = new BatchedWriter<number>(
        "test-drop-oldest",
        async (rows) => {
          await blocked;
          written.push(...rows);
        },
        2,
        60_000,
        [1],
        { whenFull: "drop-oldest", onDrop: (rows) => void dropped.push(...rows) },
      );
      writer.add(0);
      writer.add(1);
      // Rows 0 and 1 are now being written (and the write hangs).
      await new Promise((resolve) => setImmediate(resolve));
      for (let row = 2; row < 45; row += 1) writer.add(row);
      // The batch being written stays; 2 to 6, the oldest of the rest, made room for 40 to 44.
      expect(writer.stats()).toMatchObject({ held: 40, dropped: 5 });
      expect(dropped).toEqual([2, 3, 4, 5, 6]);
      release();
      await writer.flush();
      expect(written).toEqual([0, 1, ...Array.from({ length: 38 }, (_, index) => index + 7)]);
      expect(writer.stats()).toMatchObject({ written: 40, held: 0, dropped: 5 });
      const [entry] = log.entries().filter((line) => line.writer === "test-drop-oldest");
      expect(entry).toMatchObject({
        level: "error",
        whenFull: "drop-oldest",
        msg: expect.stringMatching(/oldest/),
      });
    } finally {
      log.stop();
    }
  });

  it("tells onDrop of rows given up after the retries, and runs beforeFlush on explicit flushes only", async () => {
    const dropped: number[] = [];
    let beforeFlush = 0;
    const writer = new BatchedWriter<number>(
      "test-on-drop",
      async () => Promise.reject(away()),
      500,
      10,
      [1],
      {
        onDrop: (rows) => void dropped.push(...rows),
        beforeFlush: () => {
          beforeFlush += 1;
        },
      },
    );
    writer.add(1);
    writer.add(2);
    // The timer's flush (after 10 ms) does not run beforeFlush.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(beforeFlush).toBe(0);
    await writer.flush();
    expect(beforeFlush).toBe(1);
    expect(dropped).toEqual([1, 2]);
  });

  it("on shutdown, waits for the writes only until the deadline, counting the rest as dropped", async () => {
    const writer = new BatchedWriter<number>("test-deadline", () => new Promise(() => {}), 500, 60_000);
    writer.add(1);
    writer.add(2);
    await flushAllWriters(20);
    expect(writer.stats()).toMatchObject({ dropped: 2 });
  });

  it("keeps going after a failed write, and keeps batches in order", async () => {
    const written: number[] = [];
    let fail = true;
    const writer = new BatchedWriter<number>("test-fail", async (rows) => {
      if (fail) {
        fail = false;
        throw new Error("database away");
      }
      written.push(...rows);
    });
    writer.add(1);
    await writer.flush();
    writer.add(2);
    writer.add(3);
    await writer.flush();
    expect(written).toEqual([2, 3]);
  });

  it("notes a row's use at most once a minute", async () => {
    const written: string[][] = [];
    const noter = lastUsedNoter("test-noter", async (ids) => void written.push(ids));
    const start = Date.now();
    noter.note("a", start);
    noter.note("a", start + 30_000);
    noter.note("b", start + 30_000);
    await noter.flush();
    noter.note("a", start + 60_001);
    await noter.flush();
    expect(written).toEqual([["a", "b"], ["a"]]);
  });
});
