import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/crypto/password";
import { createTestOrganization, createTestUser } from "@/lib/testing/factories";
import {
  checkSignInAllowance,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  recordSignInAttempt,
} from "./sign-in-limits";
import { verifyConsoleCredentials } from "./verify-console-credentials";

describe("sign-in limits", () => {
  it("refuses further attempts for an account after too many failures, even with the right password", async () => {
    const home = await createTestOrganization();
    const user = await createTestUser(
      home.organization.id,
      home.memberRole.id,
      "limited",
      await hashPassword("the-right-password"),
    );
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
      expect(await verifyConsoleCredentials(user.email, "a-wrong-password", `198.51.100.${attempt}`)).toEqual(
        { ok: false, reason: "invalid" },
      );
    }
    const limited = await verifyConsoleCredentials(user.email, "the-right-password", "198.51.100.200");
    expect(limited).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 15 });
  });

  it("limits one address across accounts, and reports minutes until the window ends", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;
    const start = new Date();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt += 1) {
      await recordSignInAttempt(`someone-${attempt}@example.com`, ip, false);
    }
    expect(await checkSignInAllowance("fresh@example.com", ip)).toEqual({
      allowed: false,
      retryAfterMinutes: 15,
    });
    const later = new Date(start.getTime() + 11.5 * 60_000);
    expect(await checkSignInAllowance("fresh@example.com", ip, later)).toEqual({
      allowed: false,
      retryAfterMinutes: 4,
    });
    const afterWindow = new Date(start.getTime() + 16 * 60_000);
    expect(await checkSignInAllowance("fresh@example.com", ip, afterWindow)).toEqual({ allowed: true });
    expect(await checkSignInAllowance("fresh@example.com", "203.0.113.254")).toEqual({ allowed: true });
  });

  it("gives an unknown email the same answer as a wrong password", async () => {
    expect(
      await verifyConsoleCredentials(`nobody-${randomUUID()}@example.com`, "whatever-password", "192.0.2.50"),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
