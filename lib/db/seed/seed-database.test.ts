import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyConsoleCredentials } from "@/lib/auth/verify-console-credentials";
import { getDb } from "@/lib/db/client";
import {
  cases,
  categories,
  devices,
  evidence,
  groups,
  organizations,
  reports,
  roles,
  users,
} from "@/lib/db/schema";
import { seedDatabase } from "./seed-database";

async function countIn(
  table:
    | typeof cases
    | typeof evidence
    | typeof devices
    | typeof users
    | typeof groups
    | typeof categories
    | typeof reports,
  organizationId: string,
) {
  const db = await getDb();
  const [row] = await db
    .select({ value: count() })
    .from(table)
    .where(eq(table.organizationId, organizationId));
  return row?.value ?? 0;
}

describe("seedDatabase", () => {
  it("seeds the three organizations once, with generated passwords that work, and is idempotent", async () => {
    const db = await getDb();
    delete process.env.LATCHKEY_ADMIN_PASSWORD;
    const first = await seedDatabase();
    expect(first.map((admin) => admin.organization)).toEqual(["Demo Agency", "Northwind Agency", "Fabrikam"]);
    for (const admin of first) {
      expect(admin.generatedPassword).toMatch(/^[A-Za-z0-9]{24}$/);
      const check = await verifyConsoleCredentials(admin.email, admin.generatedPassword ?? "", "192.0.2.77");
      expect(check.ok).toBe(true);
    }
    expect(await seedDatabase()).toEqual([]);
    const seeded = await db.select().from(organizations).where(eq(organizations.name, "Demo Agency"));
    expect(seeded).toHaveLength(1);
    const demo = seeded[0];
    if (!demo) throw new Error("Demo Agency missing");
    expect(demo).toMatchObject({ plan: "enterprise", securityLevel: "high" });

    expect(await countIn(cases, demo.id)).toBeGreaterThanOrEqual(25);
    expect(await countIn(evidence, demo.id)).toBeGreaterThanOrEqual(100);
    expect(await countIn(devices, demo.id)).toBeGreaterThanOrEqual(20);
    expect(await countIn(users, demo.id)).toBeGreaterThanOrEqual(10);
    expect(await countIn(groups, demo.id)).toBeGreaterThanOrEqual(3);
    expect(await countIn(categories, demo.id)).toBeGreaterThanOrEqual(8);
    expect(await countIn(reports, demo.id)).toBeGreaterThanOrEqual(3);

    const [siteAdmin] = await db
      .select()
      .from(roles)
      .where(and(eq(roles.organizationId, demo.id), eq(roles.name, "Site Administrator")));
    expect(siteAdmin).toMatchObject({ builtIn: true, consoleAdmin: true, restApiEnabled: true });
    const [investigator] = await db
      .select()
      .from(roles)
      .where(and(eq(roles.organizationId, demo.id), eq(roles.name, "Investigator")));
    expect(investigator).toMatchObject({
      consoleAdmin: false,
      permissions: ["cases:read", "evidence:read", "evidence:create"],
    });

    const plans = await db.select({ name: organizations.name, plan: organizations.plan }).from(organizations);
    expect(plans).toEqual(
      expect.arrayContaining([
        { name: "Northwind Agency", plan: "standard" },
        { name: "Fabrikam", plan: "free" },
      ]),
    );
  });
});
