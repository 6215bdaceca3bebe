import { afterEach, describe, expect, it } from "vitest";
import { isMethodAllowed } from "@/lib/api/auth/method-catalogue";
import { effectiveSecurityLevel, LEGACY_SUNSET_ENV, legacySunset } from "./security-level";

describe("the legacy sunset", () => {
  afterEach(() => {
    delete process.env[LEGACY_SUNSET_ENV];
  });

  it.each([
    ["", null],
    ["2025-12-31", "2025-12-31T00:00:00.000Z"],
    ["2025-12-31T12:00:00Z", "2025-12-31T12:00:00.000Z"],
    ["next tuesday", null],
    ["2025-13-45", null],
  ])("reads %j as %j", (raw, expected) => {
    expect(legacySunset({ [LEGACY_SUNSET_ENV]: raw })?.toISOString() ?? null).toBe(expected);
  });

  it("treats Legacy as High after the sunset, and no other level differently", () => {
    const sunset = new Date("2025-06-01T00:00:00Z");
    expect(effectiveSecurityLevel("legacy", new Date("2025-05-31T23:59:59Z"), sunset)).toBe("legacy");
    expect(effectiveSecurityLevel("legacy", sunset, sunset)).toBe("high");
    expect(effectiveSecurityLevel("extra_high", sunset, sunset)).toBe("extra_high");
    expect(effectiveSecurityLevel("legacy", new Date("2030-01-01"), null)).toBe("legacy");
  });

  it("is read from LATCHKEY_LEGACY_SUNSET by default", () => {
    process.env[LEGACY_SUNSET_ENV] = "2000-01-01";
    expect(effectiveSecurityLevel("legacy")).toBe("high");
  });
});

describe("methods by level", () => {
  it("follows DESIGN.md's table", () => {
    expect(isMethodAllowed("legacy", "legacy_key")).toBe(true);
    expect(isMethodAllowed("high", "legacy_key")).toBe(false);
    expect(isMethodAllowed("high", "basic_password")).toBe(true);
    expect(isMethodAllowed("extra_high", "basic_password")).toBe(false);
    expect(isMethodAllowed("extra_high", "personal_token")).toBe(true);
  });
});
