import { describe, expect, it } from "vitest";
import {
  addDays,
  effectiveTokenExpiry,
  expirationChoiceRefusal,
  expirationOptions,
  expiresSoon,
  recreatedLifetime,
  type TokenPolicy,
} from "./token-expiry";

const created = new Date("2026-01-01T00:00:00Z");
const policy: TokenPolicy = {
  defaultTokenExpirationDays: 30,
  maxTokenExpirationDays: 90,
  allowUnexpiringTokens: false,
};

describe("the expiry in force", () => {
  it.each([
    ["within the maximum", addDays(created, 60), false, addDays(created, 60)],
    ["beyond a tightened maximum: capped", addDays(created, 365), false, addDays(created, 90)],
    ["none, unexpiring disallowed: capped", null, false, addDays(created, 90)],
    ["none, unexpiring allowed: none", null, true, null],
    [
      "beyond the maximum, unexpiring allowed: still capped",
      addDays(created, 365),
      true,
      addDays(created, 90),
    ],
  ])("%s", (_label, expiresAt, allowUnexpiringTokens, expected) => {
    expect(
      effectiveTokenExpiry({ createdAt: created, expiresAt }, { ...policy, allowUnexpiringTokens }),
    ).toEqual(expected);
  });
});

describe("choosing an expiration", () => {
  it.each([
    [30, policy, null],
    [90, policy, null],
    [91, policy, "Tokens may last at most 90 days"],
    [0, policy, "Choose an expiration of at least 1 day"],
    [-5, policy, "Choose an expiration of at least 1 day"],
    [36_500, policy, "Tokens may last at most 90 days"],
    ["never" as const, policy, "Your organization does not allow tokens without an expiration"],
    ["never" as const, { ...policy, allowUnexpiringTokens: true }, null],
  ])("%j under %j", (choice, rules, refusal) => {
    expect(expirationChoiceRefusal(choice, rules)).toBe(refusal);
  });

  it("offers presets up to the maximum, the default among them, and No expiration only when allowed", () => {
    expect(expirationOptions(policy)).toEqual([7, 30, 60, 90]);
    expect(
      expirationOptions({ ...policy, defaultTokenExpirationDays: 45, allowUnexpiringTokens: true }),
    ).toEqual([7, 30, 45, 60, 90, "never"]);
  });

  it("gives a recreated token its old lifetime within today's policy", () => {
    expect(recreatedLifetime({ createdAt: created, expiresAt: addDays(created, 30) }, policy)).toBe(30);
    expect(recreatedLifetime({ createdAt: created, expiresAt: addDays(created, 365) }, policy)).toBe(90);
    expect(recreatedLifetime({ createdAt: created, expiresAt: null }, policy)).toBe(90);
    expect(
      recreatedLifetime({ createdAt: created, expiresAt: null }, { ...policy, allowUnexpiringTokens: true }),
    ).toBe("never");
  });

  it("flags live tokens ending within seven days", () => {
    const now = new Date("2026-01-10T00:00:00Z");
    expect(expiresSoon(addDays(now, 6.9), now)).toBe(true);
    expect(expiresSoon(addDays(now, 8), now)).toBe(false);
    expect(expiresSoon(addDays(now, -1), now)).toBe(false);
    expect(expiresSoon(null, now)).toBe(false);
  });
});
