import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runAdminAction } from "@/lib/auth/run-admin-action";
import { verifyConsoleCredentials } from "@/lib/auth/verify-console-credentials";
import { getDb } from "@/lib/db/client";
import { auditEvents, users } from "@/lib/db/schema";
import { signedInClaims, signedInUser } from "@/lib/testing/console-session-test-support";
import { createTestOrganization } from "@/lib/testing/factories";
import { createUser, setUserActive } from "./user-commands";
import { listUsers } from "./user-queries";
import { createUserSchema } from "./user-schemas";

async function userCount(organizationId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ value: count() })
    .from(users)
    .where(eq(users.organizationId, organizationId));
  return row?.value ?? 0;
}

async function createAs(adminId: string, sessionVersion: number, input: Record<string, unknown>) {
  return runAdminAction(
    await signedInClaims({ id: adminId, sessionVersion }),
    createUserSchema,
    input,
    async (admin, values) => createUser(await getDb(), admin, values),
  );
}

describe("createUser", () => {
  const valid = { name: "Dana Scully", password: "a-long-enough-password", email: "" };

  it.each([
    ["empty name", { name: "" }, "name", "Name is required"],
    ["blank name", { name: "   " }, "name", "Name is required"],
    ["10,000-character name", { name: "x".repeat(10_000) }, "name", "Name must be 100 characters or fewer"],
    [
      "control character in name",
      { name: "Dana\u0000Scully" },
      "name",
      "Name must not contain control characters",
    ],
    [
      "bidi override in name",
      { name: "Dana\u202eScully" },
      "name",
      "Name must not contain control characters",
    ],
    [
      "SQL-looking name",
      { name: "Robert'); DROP TABLE users;--" },
      "name",
      "Name may contain letters, numbers, spaces and . , ' - only",
    ],
    ["empty email", { email: "" }, "email", "Email is required"],
    [
      "10,000-character email",
      { email: `${"a".repeat(10_000)}@example.com` },
      "email",
      "Email must be 254 characters or fewer",
    ],
    [
      "control character in email",
      { email: "dana\u0007@example.com" },
      "email",
      "Enter a valid email address",
    ],
    ["SQL-looking email", { email: "x' OR '1'='1@example.com" }, "email", "Enter a valid email address"],
    ["short password", { password: "short" }, "password", "Password must be at least 12 characters"],
    ["missing role", { roleId: "" }, "roleId", "Choose a role"],
  ])("rejects %s with a specific error and writes nothing", async (_label, override, field, message) => {
    const home = await createTestOrganization();
    const before = await userCount(home.organization.id);
    const result = await createAs(home.admin.id, home.admin.sessionVersion, {
      ...valid,
      email: `new-${Date.now()}@example.com`,
      roleId: home.memberRole.id,
      ...override,
    });
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.[field]).toBe(message);
    expect(await userCount(home.organization.id)).toBe(before);
  });

  it("rejects a duplicate email (in any organization, any case) and writes nothing", async () => {
    const home = await createTestOrganization();
    const other = await createTestOrganization();
    const before = await userCount(home.organization.id);
    const result = await createAs(home.admin.id, home.admin.sessionVersion, {
      ...valid,
      email: other.member.email.toUpperCase(),
      roleId: home.memberRole.id,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: "A user with this email already exists" },
    });
    expect(await userCount(home.organization.id)).toBe(before);
    const db = await getDb();
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, home.organization.id));
    expect(events).toHaveLength(0);
  });

  it("creates a user who can then sign in, normalizing the email, and audits without the password", async () => {
    const home = await createTestOrganization();
    const email = `Fox.Mulder-${Date.now()}@Example.com`;
    const result = await createAs(home.admin.id, home.admin.sessionVersion, {
      ...valid,
      name: "Fox Mulder",
      email,
      roleId: home.memberRole.id,
    });
    expect(result.ok).toBe(true);
    const signIn = await verifyConsoleCredentials(email, valid.password, "192.0.2.2");
    expect(signIn.ok).toBe(true);
    expect(signIn.ok && signIn.user.email).toBe(email.toLowerCase());
    const db = await getDb();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, home.organization.id));
    expect(event?.action).toBe("user.created");
    expect(JSON.stringify(event)).not.toContain(valid.password);
  });
});

describe("deactivated users", () => {
  it("cannot sign in, and get the same message as a wrong password", async () => {
    const home = await createTestOrganization();
    const email = `deactivated-${Date.now()}@example.com`;
    await createAs(home.admin.id, home.admin.sessionVersion, {
      ...{ name: "Walter Skinner", password: "skinner-password-1" },
      email,
      roleId: home.memberRole.id,
    });
    expect((await verifyConsoleCredentials(email, "skinner-password-1", "192.0.2.3")).ok).toBe(true);

    const admin = await signedInUser(home.admin);
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.email, email));
    if (!user) throw new Error("user not created");
    await setUserActive(db, admin, user.id, false);

    expect(await verifyConsoleCredentials(email, "skinner-password-1", "192.0.2.3")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyConsoleCredentials(email, "wrong-password-here", "192.0.2.3")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("an admin cannot deactivate themselves", async () => {
    const home = await createTestOrganization();
    const admin = await signedInUser(home.admin);
    await expect(setUserActive(await getDb(), admin, admin.id, false)).rejects.toThrow(
      "You cannot deactivate yourself.",
    );
  });
});

describe("listUsers", () => {
  it("searches, sorts and pages within the organization only", async () => {
    const home = await createTestOrganization();
    const other = await createTestOrganization();
    const db = await getDb();
    const all = await listUsers(db, home.organization.id, {
      q: "",
      sort: "email",
      dir: "asc",
      page: 1,
      pageSize: 10,
    });
    expect(all.total).toBe(2);
    expect(all.rows.map((row) => row.email)).toEqual([home.admin.email, home.member.email].sort());
    const searched = await listUsers(db, home.organization.id, {
      q: "member",
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 10,
    });
    expect(searched.rows.map((row) => row.id)).toEqual([home.member.id]);
    const wildcard = await listUsers(db, home.organization.id, {
      q: "%",
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 10,
    });
    expect(wildcard.total).toBe(0);
    const paged = await listUsers(db, home.organization.id, {
      q: "",
      sort: "email",
      dir: "desc",
      page: 2,
      pageSize: 1,
    });
    expect(paged.rows.map((row) => row.email)).toEqual([[home.admin.email, home.member.email].sort()[0]]);
    const foreign = await listUsers(db, home.organization.id, {
      q: other.member.email,
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 10,
    });
    expect(foreign.total).toBe(0);
  });
});
