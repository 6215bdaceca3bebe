import { describe, expect, it } from "vitest";
import { runProgress } from "./run-progress";

const run = (fields: Partial<Parameters<typeof runProgress>[0]>) =>
  runProgress({ status: "running", readCount: 0, totalRecords: null, pagesFetched: 0, ...fields });

describe("runProgress", () => {
  it("measures records read against Axonius's total", () => {
    expect(run({ readCount: 5_000, totalRecords: 20_000, pagesFetched: 5 })).toEqual({
      value: 5_000,
      max: 20_000,
      percent: 25,
      text: "5,000 of 20,000 devices read (25 %), 5 pages",
    });
  });

  it("never passes 100 % when more records arrive than the total said", () => {
    const progress = run({ readCount: 1_200, totalRecords: 1_000, pagesFetched: 2 });
    expect(progress.max).toBe(1_200);
    expect(progress.percent).toBe(100);
  });

  it("is complete when the run succeeded, even without a total or with nothing read", () => {
    expect(run({ status: "succeeded", readCount: 300, pagesFetched: 1 })).toMatchObject({
      value: 300,
      max: 300,
      percent: 100,
    });
    expect(run({ status: "succeeded", readCount: 0, pagesFetched: 1 })).toMatchObject({
      value: 1,
      max: 1,
      percent: 100,
    });
  });

  it("is indeterminate while a run without a total goes on, and says what it has read", () => {
    expect(run({ readCount: 2_000, pagesFetched: 2 })).toEqual({
      value: null,
      max: 1,
      percent: null,
      text: "2,000 devices read, 2 pages",
    });
    expect(run({ status: "queued" }).text).toBe("Waiting to start");
  });

  it("stays where a failed or cancelled run stopped", () => {
    expect(run({ status: "failed", readCount: 4_000, totalRecords: 20_000, pagesFetched: 4 }).percent).toBe(
      20,
    );
    expect(
      run({ status: "cancelled", readCount: 1_000, totalRecords: 10_000, pagesFetched: 1 }).percent,
    ).toBe(10);
  });
});
