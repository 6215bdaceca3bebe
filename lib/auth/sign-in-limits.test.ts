import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/crypto/password";
import { FAILURE_BUDGETS } from "@/lib/limits/limit-catalogue";
import { createTestOrganization, createTestUser } from "@/lib/testing/factories";
import "@/lib/testing/test-secret-pepper";
import { deviceCookieAfterSignIn, trustedDeviceFor } from "./device-cookie";
import { checkSignInAllowance } from "./sign-in-limits";
import { verifyConsoleCredentials } from "./verify-console-credentials";

const PASSWORD = "the-right-password";
const ACCOUNT_BUDGET = FAILURE_BUDGETS.passwordPerAccount.points;

async function userWithPassword(label: string) {
  const home = await createTestOrganization();
  return createTestUser(home.organization.id, home.memberRole.id, label, await hashPassword(PASSWORD));
}

/** A fresh address per call: an attacker rotating through addresses. */
function anotherAddress() {
  const bytes = randomUUID().replace(/-/g, "");
  return `2001:db8:${bytes.slice(0, 4)}:${bytes.slice(4, 8)}::1`;
}

describe("console sign-in limits", () => {
  it("bounds guesses per account across addresses: a browser that never signed in is refused even with the right password", async () => {
    const user = await userWithPassword("guessed");
    for (let attempt = 0; attempt < ACCOUNT_BUDGET; attempt += 1) {
      expect(await verifyConsoleCredentials(user.email, "a-wrong-password", anotherAddress())).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const limited = await verifyConsoleCredentials(user.email, PASSWORD, anotherAddress());
    expect(limited).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 15 });
  });

  it("does not lock the owner's trusted browser out because of someone else's failures", async () => {
    const user = await userWithPassword("owner");
    const ownBrowser = anotherAddress();
    const signedIn = await verifyConsoleCredentials(user.email, PASSWORD, ownBrowser);
    expect(signedIn.ok).toBe(true);
    const deviceCookie = deviceCookieAfterSignIn(undefined, user.email);
    for (let attempt = 0; attempt < ACCOUNT_BUDGET + 2; attempt += 1) {
      await verifyConsoleCredentials(user.email, "an-attackers-guess", anotherAddress());
    }
    expect((await verifyConsoleCredentials(user.email, PASSWORD, anotherAddress())).ok).toBe(false);
    const owner = await verifyConsoleCredentials(user.email, PASSWORD, ownBrowser, deviceCookie);
    expect(owner.ok).toBe(true);
  });

  it("gives a trusted browser a budget of its own, and does not trust a cookie of another account", async () => {
    const user = await userWithPassword("trusted");
    const other = await userWithPassword("other");
    const cookie = deviceCookieAfterSignIn(undefined, user.email);
    expect(trustedDeviceFor(cookie, other.email)).toBeNull();
    for (let attempt = 0; attempt < FAILURE_BUDGETS.passwordPerTrustedSource.points; attempt += 1) {
      await verifyConsoleCredentials(user.email, "the-owner-mistypes", anotherAddress(), cookie);
    }
    const locked = await verifyConsoleCredentials(user.email, PASSWORD, anotherAddress(), cookie);
    expect(locked).toMatchObject({ ok: false, reason: "rate_limited" });
    // The account's own budget was not spent by the trusted browser's failures.
    expect((await verifyConsoleCredentials(user.email, PASSWORD, anotherAddress())).ok).toBe(true);
  });

  it("refuses a forged or tampered device cookie as untrusted", async () => {
    const user = await userWithPassword("forged");
    const cookie = deviceCookieAfterSignIn(undefined, user.email);
    const tampered = `${cookie.slice(0, -1)}${cookie.endsWith("0") ? "1" : "0"}`;
    expect(trustedDeviceFor(tampered, user.email)).toBeNull();
    expect(trustedDeviceFor("garbage~1~2", user.email)).toBeNull();
    const expiredCookie = deviceCookieAfterSignIn(undefined, user.email, Date.now() - 91 * 86_400_000);
    expect(trustedDeviceFor(expiredCookie, user.email)).toBeNull();
  });

  it("limits one untrusted address across accounts, and reports the minutes left", async () => {
    const ip = anotherAddress();
    for (let attempt = 0; attempt < FAILURE_BUDGETS.passwordPerAddress.points; attempt += 1) {
      await verifyConsoleCredentials(`someone-${randomUUID()}@example.com`, "wrong-password", ip);
    }
    expect(await checkSignInAllowance("fresh@example.com", { trusted: false, ip })).toEqual({
      allowed: false,
      retryAfterMinutes: 15,
    });
    // The same /64: one subscriber's addresses count as one.
    const neighbour = ip.replace(/::1$/, "::abcd");
    expect(await checkSignInAllowance("fresh@example.com", { trusted: false, ip: neighbour })).toMatchObject({
      allowed: false,
    });
    expect(await checkSignInAllowance("fresh@example.com", { trusted: false, ip: anotherAddress() })).toEqual(
      {
        allowed: true,
      },
    );
  });

  it("gives an unknown email the same answer as a wrong password", async () => {
    expect(
      await verifyConsoleCredentials(`nobody-${randomUUID()}@example.com`, "whatever-password", "192.0.2.50"),
    ).toEqual({ ok: false, reason: "invalid" });
  });
});
