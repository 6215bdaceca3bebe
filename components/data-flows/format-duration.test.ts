import { describe, expect, it } from "vitest";
import { formatDuration, runDuration } from "./format-duration";

describe("formatDuration", () => {
  it.each([
    [0, "0.0 s"],
    [849, "0.8 s"],
    [9_949, "9.9 s"],
    [42_000, "42 s"],
    [185_000, "3 min 05 s"],
    [3_720_000, "1 h 02 min"],
    [-5, "0.0 s"],
  ])("%i ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("runDuration", () => {
  const started = new Date("2026-12-01T10:00:00Z");
  it("is null before the run started, up to now while it runs, to its end once finished", () => {
    const now = new Date("2026-12-01T10:00:30Z");
    expect(runDuration({ startedAt: null, finishedAt: null }, now)).toBeNull();
    expect(runDuration({ startedAt: started, finishedAt: null }, now)).toBe(30_000);
    expect(runDuration({ startedAt: started, finishedAt: new Date("2026-12-01T10:00:05Z") }, now)).toBe(
      5_000,
    );
  });
});
