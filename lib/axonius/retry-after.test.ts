import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after";

describe("parseRetryAfter", () => {
  const now = new Date("2026-12-01T12:00:00Z");

  it.each([
    ["0", 0],
    ["7", 7],
    [" 30 ", 30],
    ["86400", 3600],
    ["Tue, 01 Dec 2026 12:00:45 GMT", 45],
    ["Tue, 01 Dec 2026 11:00:00 GMT", 0],
    ["Wed, 02 Dec 2026 12:00:00 GMT", 3600],
  ])("reads %j as %i seconds", (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });

  it.each([null, "", "soon", "-5", "1.5"])("has no delay for %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
