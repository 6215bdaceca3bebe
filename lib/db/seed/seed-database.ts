import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { readConfig } from "@/lib/config/env";
import { generatePassword, hashPassword } from "@/lib/crypto/password";
import { getDb } from "@/lib/db/client";
import { organizations, type Plan, roles, users } from "@/lib/db/schema";
import { FULL_GRID } from "@/lib/permissions/grid";
import { FULL_DEMO, SMALL_DEMO, seedDemoData } from "./demo-data";

export const SITE_ADMINISTRATOR = "Site Administrator";

interface SeededOrganization {
  name: string;
  plan: Plan;
  adminEmail: string;
  casePrefix: string;
  emailDomain: string;
  seed: number;
  full: boolean;
}

export interface SeededAdmin {
  organization: string;
  email: string;
  /** Present only when Latchkey generated the password: shown once, then gone. */
  generatedPassword?: string;
}

function organizationsToSeed(adminEmail: string): SeededOrganization[] {
  return [
    {
      name: "Demo Agency",
      plan: "enterprise",
      adminEmail,
      casePrefix: "DA",
      emailDomain: "demo-agency.example",
      seed: 11,
      full: true,
    },
    {
      name: "Northwind Agency",
      plan: "standard",
      adminEmail: "admin@northwind.example",
      casePrefix: "NW",
      emailDomain: "northwind.example",
      seed: 23,
      full: false,
    },
    {
      name: "Fabrikam",
      plan: "free",
      adminEmail: "admin@fabrikam.example",
      casePrefix: "FB",
      emailDomain: "fabrikam.example",
      seed: 37,
      full: false,
    },
  ];
}

/**
 * Seeds the demonstration organizations. Idempotent: an organization that already exists
 * (by name) is left as it is, so running it again changes nothing.
 */
export async function seedDatabase(): Promise<SeededAdmin[]> {
  const config = readConfig();
  const db = await getDb();
  const created: SeededAdmin[] = [];

  for (const definition of organizationsToSeed(config.adminEmail)) {
    const [existing] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, definition.name))
      .limit(1);
    if (existing) continue;

    const generatedPassword = config.adminPassword ? undefined : generatePassword();
    const passwordHash = await hashPassword(config.adminPassword ?? generatedPassword ?? "");

    await db.transaction(async (tx) => {
      const [organization] = await tx
        .insert(organizations)
        .values({
          name: definition.name,
          partnerId: randomUUID(),
          plan: definition.plan,
          securityLevel: "high",
        })
        .returning({ id: organizations.id });
      if (!organization) throw new Error(`Could not create organization ${definition.name}`);

      const [adminRole] = await tx
        .insert(roles)
        .values({
          organizationId: organization.id,
          name: SITE_ADMINISTRATOR,
          description: "Holds every permission and administers the console.",
          builtIn: true,
          restApiEnabled: true,
          consoleAdmin: true,
          permissions: FULL_GRID,
        })
        .returning({ id: roles.id });
      const [investigator] = await tx
        .insert(roles)
        .values({
          organizationId: organization.id,
          name: "Investigator",
          description: "Reads cases and evidence and adds evidence.",
          restApiEnabled: true,
          consoleAdmin: false,
          permissions: ["cases:read", "evidence:read", "evidence:create"],
        })
        .returning({ id: roles.id });
      if (!adminRole || !investigator) throw new Error("Could not create roles");

      const [admin] = await tx
        .insert(users)
        .values({
          organizationId: organization.id,
          email: definition.adminEmail,
          name: "Site Admin",
          passwordHash,
          roleId: adminRole.id,
        })
        .returning({ id: users.id });
      if (!admin) throw new Error("Could not create the administrator");

      await seedDemoData(
        tx,
        {
          id: organization.id,
          casePrefix: definition.casePrefix,
          emailDomain: definition.emailDomain,
          seed: definition.seed,
        },
        investigator.id,
        definition.full ? FULL_DEMO : SMALL_DEMO,
      );
      await recordAuditEvent(tx, {
        organizationId: organization.id,
        actor: SYSTEM_ACTOR,
        action: "organization.seeded",
        targetType: "organization",
        targetId: organization.id,
        details: { administrator: definition.adminEmail },
      });
    });
    created.push({ organization: definition.name, email: definition.adminEmail, generatedPassword });
  }
  return created;
}

/** True when no organization exists yet: start-up seeds such a database. */
export async function isDatabaseEmpty(): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return row === undefined;
}
