import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { consoleSessions, users } from "@/lib/db/schema";
import { signedInClaims, signedInUser } from "@/lib/testing/console-session-test-support";
import { createTestOrganization } from "@/lib/testing/factories";
import { setUserActive } from "@/lib/users/user-commands";
import { userIdSchema } from "@/lib/users/user-schemas";
import { endConsoleSession, SESSION_ABSOLUTE_MAX_AGE_SECONDS, startConsoleSession } from "./console-sessions";
import { loadConsoleUser } from "./console-user";
import { SESSION_ENDED } from "./run-admin-action";
import { runUserAction } from "./run-user-action";

afterEach(() => {
  vi.useRealTimers();
});

async function sessionRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(consoleSessions).where(eq(consoleSessions.id, id));
  return row;
}

describe("console sessions", () => {
  it("refuses a cookie copied before sign-out, and leaves the user's other sessions alone", async () => {
    const { member } = await createTestOrganization();
    const claims = await signedInClaims(member);
    const copied = structuredClone(claims);
    const otherBrowser = await signedInClaims(member);
    expect(await loadConsoleUser(copied)).toMatchObject({ id: member.id });

    await endConsoleSession(await getDb(), claims.sessionId, "signed_out");

    expect(await loadConsoleUser(claims)).toBeNull();
    expect(await loadConsoleUser(copied)).toBeNull();
    const refused = await runUserAction(copied, userIdSchema, { userId: member.id }, async () => "ran");
    expect(refused).toMatchObject({ ok: false, formError: SESSION_ENDED });
    expect(await loadConsoleUser(otherBrowser)).toMatchObject({ id: member.id });
    expect(await sessionRow(claims.sessionId)).toMatchObject({ endReason: "signed_out" });
    // Signing out twice (two tabs) is harmless and keeps the first end.
    const firstEnd = (await sessionRow(claims.sessionId))?.endedAt;
    await endConsoleSession(await getDb(), claims.sessionId, "signed_out");
    expect((await sessionRow(claims.sessionId))?.endedAt).toEqual(firstEnd);
  });

  it("ends at its absolute maximum age, however active the user has been", async () => {
    const { member } = await createTestOrganization();
    const signIn = new Date("2030-01-15T08:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(signIn);
    const claims = await signedInClaims(member);
    const at = (seconds: number) => vi.setSystemTime(new Date(signIn.getTime() + seconds * 1000));

    // Busy all day: a request every hour.
    for (let hour = 1; hour * 3600 < SESSION_ABSOLUTE_MAX_AGE_SECONDS; hour += 1) {
      at(hour * 3600);
      expect(await loadConsoleUser(claims), `hour ${hour}`).not.toBeNull();
    }
    at(SESSION_ABSOLUTE_MAX_AGE_SECONDS - 1);
    expect(await loadConsoleUser(claims)).not.toBeNull();
    at(SESSION_ABSOLUTE_MAX_AGE_SECONDS);
    expect(await loadConsoleUser(claims)).toBeNull();
    at(SESSION_ABSOLUTE_MAX_AGE_SECONDS + 60);
    expect(await loadConsoleUser(claims)).toBeNull();
    // Signing in again starts a new session with its own full span.
    expect(await loadConsoleUser(await signedInClaims(member))).not.toBeNull();
  });

  it("is refused for another user's session ID, a malformed one, or a user who cannot sign in", async () => {
    const home = await createTestOrganization();
    const memberClaims = await signedInClaims(home.member);
    const adminClaims = await signedInClaims(home.admin);
    expect(await loadConsoleUser({ ...adminClaims, sessionId: memberClaims.sessionId })).toBeNull();
    expect(await loadConsoleUser({ ...adminClaims, sessionId: "'; drop table users; --" })).toBeNull();
    expect(await loadConsoleUser({ ...adminClaims, sessionId: "" })).toBeNull();

    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.id, home.member.id));
    expect(await startConsoleSession(db, home.member.id)).toBeNull();
    expect(await startConsoleSession(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("ends with the user's deactivation and stays ended after reactivation", async () => {
    const home = await createTestOrganization();
    const admin = await signedInUser(home.admin);
    const memberClaims = await signedInClaims(home.member);
    await setUserActive(await getDb(), admin, home.member.id, false);
    expect(await sessionRow(memberClaims.sessionId)).toMatchObject({ endReason: "user_deactivated" });
    await setUserActive(await getDb(), admin, home.member.id, true);
    const [member] = await (await getDb()).select().from(users).where(eq(users.id, home.member.id));
    if (!member) throw new Error("member vanished");
    // Even with the new session version, the old session itself is over.
    expect(await loadConsoleUser({ ...memberClaims, sessionVersion: member.sessionVersion })).toBeNull();
    expect(await loadConsoleUser(await signedInClaims(member))).not.toBeNull();
  });
});
