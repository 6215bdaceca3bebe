import { createHash } from "node:crypto";
import type { Executor } from "@/lib/db/client";
import { cases, categories, devices, evidence, groupMembers, groups, reports, users } from "@/lib/db/schema";

/** Deterministic pseudo-random numbers so every seeded database looks the same. */
function sequence(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % max;
  };
}

const FIRST_NAMES = [
  "Avery",
  "Jordan",
  "Riley",
  "Morgan",
  "Casey",
  "Quinn",
  "Harper",
  "Rowan",
  "Sage",
  "Emerson",
  "Parker",
  "Reese",
];
const LAST_NAMES = [
  "Nguyen",
  "Okafor",
  "Lindqvist",
  "Castillo",
  "Haddad",
  "Kowalski",
  "Tanaka",
  "Moreau",
  "Adeyemi",
  "Brennan",
];
const CASE_TITLES = [
  "Burglary at warehouse",
  "Vehicle collision on Route 9",
  "Shoplifting report",
  "Missing person inquiry",
  "Vandalism of public property",
  "Noise complaint escalation",
  "Fraudulent cheque",
  "Assault outside venue",
  "Stolen bicycle",
  "Trespass at school grounds",
];
const CATEGORY_DEFINITIONS: Array<[string, number | null]> = [
  ["Uncategorized", 365],
  ["Traffic Stop", 730],
  ["Interview", 2555],
  ["Arrest", 3650],
  ["Use of Force", null],
  ["Training", 90],
  ["Incident Report", 1825],
  ["Pending Review", 180],
];
const EVIDENCE_KINDS: Array<[string, string]> = [
  ["Body camera clip", "video/mp4"],
  ["Scene photo", "image/jpeg"],
  ["Witness statement", "text/plain"],
  ["Dispatch log", "application/json"],
  ["Interview recording", "audio/mpeg"],
];
const DEVICE_MODELS: Array<
  [string, "body_camera" | "in_car_camera" | "conducted_energy_weapon" | "mobile_phone" | "dock"]
> = [
  ["Body 4", "body_camera"],
  ["Fleet 3", "in_car_camera"],
  ["Taser 10", "conducted_energy_weapon"],
  ["Respond Phone", "mobile_phone"],
  ["Dock 8-Bay", "dock"],
];

export interface DemoDataSize {
  users: number;
  groups: number;
  cases: number;
  evidence: number;
  devices: number;
  categories: number;
  reports: number;
}

export const FULL_DEMO: DemoDataSize = {
  users: 12,
  groups: 3,
  cases: 30,
  evidence: 120,
  devices: 24,
  categories: 8,
  reports: 4,
};
export const SMALL_DEMO: DemoDataSize = {
  users: 3,
  groups: 1,
  cases: 4,
  evidence: 6,
  devices: 3,
  categories: 2,
  reports: 1,
};

/** Seeds an organization's resource data. Data users have no password: they cannot sign in. */
export async function seedDemoData(
  tx: Executor,
  organization: { id: string; casePrefix: string; emailDomain: string; seed: number },
  roleId: string,
  size: DemoDataSize,
): Promise<void> {
  const next = sequence(organization.seed);
  const organizationId = organization.id;
  const day = 86_400_000;
  const now = Date.UTC(2026, 9, 1);

  const userRows = await tx
    .insert(users)
    .values(
      Array.from({ length: size.users }, (_, index) => {
        const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? "Alex";
        const last = LAST_NAMES[(index * 3) % LAST_NAMES.length] ?? "Doe";
        return {
          organizationId,
          email: `${first}.${last}${index}@${organization.emailDomain}`.toLowerCase(),
          name: `${first} ${last}`,
          roleId,
        };
      }),
    )
    .returning({ id: users.id });

  const groupRows = await tx
    .insert(groups)
    .values(
      ["Patrol", "Investigations", "Records"].slice(0, size.groups).map((name) => ({
        organizationId,
        name,
        description: `${name} unit`,
      })),
    )
    .returning({ id: groups.id });
  await tx.insert(groupMembers).values(
    userRows.flatMap((user, index) => {
      const group = groupRows[index % groupRows.length];
      return group ? [{ organizationId, groupId: group.id, userId: user.id }] : [];
    }),
  );

  const categoryRows = await tx
    .insert(categories)
    .values(
      CATEGORY_DEFINITIONS.slice(0, size.categories).map(([name, retentionDays]) => ({
        organizationId,
        name,
        retentionDays,
        description: retentionDays === null ? "Kept indefinitely" : `Kept for ${retentionDays} days`,
      })),
    )
    .returning({ id: categories.id });

  const caseRows = await tx
    .insert(cases)
    .values(
      Array.from({ length: size.cases }, (_, index) => {
        const status = (["open", "in_review", "closed"] as const)[next(3)] ?? "open";
        const openedAt = new Date(now - (size.cases - index) * 3 * day);
        return {
          organizationId,
          number: `${organization.casePrefix}-2026-${String(index + 1).padStart(4, "0")}`,
          title: CASE_TITLES[next(CASE_TITLES.length)] ?? "Incident",
          description: "Seeded demonstration case.",
          status,
          leadUserId: userRows[next(userRows.length)]?.id ?? null,
          openedAt,
          closedAt: status === "closed" ? new Date(openedAt.getTime() + 10 * day) : null,
        };
      }),
    )
    .returning({ id: cases.id, number: cases.number });

  await tx.insert(evidence).values(
    Array.from({ length: size.evidence }, (_, index) => {
      const [kind, contentType] = EVIDENCE_KINDS[index % EVIDENCE_KINDS.length] ?? ["Item", "text/plain"];
      const owningCase = caseRows[index % caseRows.length];
      const content = Buffer.from(
        `Latchkey demonstration content for ${kind} #${index + 1} of case ${owningCase?.number ?? "none"}\n`,
      );
      return {
        organizationId,
        caseId: owningCase?.id ?? null,
        categoryId: categoryRows[next(categoryRows.length)]?.id ?? null,
        title: `${kind} ${index + 1}`,
        contentType,
        sizeBytes: content.length,
        sha256: createHash("sha256").update(content).digest("hex"),
        capturedAt: new Date(now - next(90) * day - next(day)),
        content,
      };
    }),
  );

  await tx.insert(devices).values(
    Array.from({ length: size.devices }, (_, index) => {
      const [model, type] = DEVICE_MODELS[index % DEVICE_MODELS.length] ?? ["Body 4", "body_camera"];
      const assigned = index % 3 !== 2 ? userRows[index % userRows.length] : undefined;
      return {
        organizationId,
        serial: `X${organization.seed}${String(100_000 + index * 7919).slice(-6)}`,
        model,
        type,
        status: assigned
          ? ("assigned" as const)
          : index % 6 === 5
            ? ("maintenance" as const)
            : ("available" as const),
        assignedUserId: assigned?.id ?? null,
      };
    }),
  );

  await tx.insert(reports).values(
    (["case_summary", "evidence_inventory", "device_status", "case_summary"] as const)
      .slice(0, size.reports)
      .map((kind, index) => ({
        organizationId,
        kind,
        parameters: { from: "2026-07-01", to: "2026-09-30" },
        status: "completed" as const,
        result: { rows: size.cases - index, generatedFrom: "seed" },
        requestedBy: "Latchkey",
        generatedAt: new Date(now - index * day),
      })),
  );
}
