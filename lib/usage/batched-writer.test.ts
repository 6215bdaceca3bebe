import { describe, expect, it } from "vitest";
import { BatchedWriter, flushAllWriters } from "./batched-writer";
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
