import { describe, expect, it } from "vitest";
import { RepeatSampler } from "./repeat-sampler";

interface Occurrence {
  subject: string;
  note?: string;
}

function sampler(maxKeys = 100) {
  return new RepeatSampler<Occurrence>(
    {
      summarize: (sample, repeats, lastAt, mixed) => ({
        subject: mixed ? "(several)" : sample.subject,
        note: `${repeats} more, last at ${lastAt}`,
      }),
      subjectOf: (occurrence) => occurrence.subject,
      overflowKey: () => "everyone",
    },
    1000,
    maxKeys,
  );
}

describe("RepeatSampler", () => {
  it("records the first occurrence of a window and states the repeats once it ends", () => {
    const repeats = sampler();
    expect(repeats.admit("a", { subject: "x" }, 0)).toEqual([{ subject: "x" }]);
    expect(repeats.admit("a", { subject: "x" }, 10)).toEqual([]);
    expect(repeats.admit("a", { subject: "x" }, 20)).toEqual([]);
    // Another key is a window of its own.
    expect(repeats.admit("b", { subject: "y" }, 30)).toEqual([{ subject: "y" }]);
    // The window of "a" ended: its repeats are stated, and the new occurrence opens the next.
    expect(repeats.admit("a", { subject: "x" }, 1000)).toEqual([
      { subject: "x", note: "2 more, last at 20" },
      { subject: "x" },
    ]);
  });

  it("states ended windows when swept, forgets them, and at drain states the open ones too", () => {
    const repeats = sampler();
    repeats.admit("a", { subject: "x" }, 0);
    repeats.admit("a", { subject: "x" }, 5);
    repeats.admit("b", { subject: "y" }, 500);
    repeats.admit("b", { subject: "y" }, 600);
    expect(repeats.sweep(1000)).toEqual([{ subject: "x", note: "1 more, last at 5" }]);
    expect(repeats.size).toBe(1);
    expect(repeats.drain()).toEqual([{ subject: "y", note: "1 more, last at 600" }]);
    // Drained repeats are not stated twice; the window goes on counting afresh.
    expect(repeats.drain()).toEqual([]);
    repeats.admit("b", { subject: "y" }, 700);
    expect(repeats.sweep(1500)).toEqual([{ subject: "y", note: "1 more, last at 700" }]);
    expect(repeats.size).toBe(0);
  });

  it("attributes repeats about several subjects to none of them", () => {
    const repeats = sampler();
    repeats.admit("address", { subject: "client-1" }, 0);
    repeats.admit("address", { subject: "client-2" }, 1);
    expect(repeats.drain()).toEqual([{ subject: "(several)", note: "1 more, last at 1" }]);
  });

  it("holds a bounded number of windows: beyond, sources are counted together under the overflow key", () => {
    const repeats = sampler(3);
    const recorded = [];
    for (let source = 0; source < 1000; source += 1) {
      recorded.push(...repeats.admit(`source-${source}`, { subject: `s${source}` }, source));
    }
    // Three windows of their own, one overflow window; the first overflow occurrence is recorded.
    expect(repeats.size).toBe(4);
    expect(recorded).toHaveLength(4);
    expect(repeats.drain()).toEqual([{ subject: "(several)", note: "996 more, last at 999" }]);
  });
});
