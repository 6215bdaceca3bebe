import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, createdAt, id, organizationId, updatedAt } from "./columns";
import { users } from "./identity";

export const caseStatusEnum = pgEnum("case_status", ["open", "in_review", "closed"]);

export const cases = pgTable(
  "cases",
  {
    id: id(),
    organizationId: organizationId(),
    /** Human case number, unique in the organization, e.g. "DA-2026-0001". */
    number: text("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: caseStatusEnum("status").notNull().default("open"),
    leadUserId: uuid("lead_user_id").references(() => users.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("cases_organization_number_unique").on(table.organizationId, table.number),
    index("cases_organization_opened_idx").on(table.organizationId, table.openedAt),
  ],
);

export const categories = pgTable(
  "categories",
  {
    id: id(),
    organizationId: organizationId(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** How long evidence in this category is kept; null keeps it indefinitely. */
    retentionDays: integer("retention_days"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex("categories_organization_name_unique").on(table.organizationId, table.name)],
);

export const evidence = pgTable(
  "evidence",
  {
    id: id(),
    organizationId: organizationId(),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    /** Hex SHA-256 of the stored content. */
    sha256: text("sha256").notNull(),
    capturedAt: timestamp("captured_at", { withTimezone: true }).notNull(),
    content: bytea("content").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("evidence_organization_captured_idx").on(table.organizationId, table.capturedAt),
    index("evidence_case_idx").on(table.caseId),
  ],
);

export const deviceTypeEnum = pgEnum("device_type", [
  "body_camera",
  "in_car_camera",
  "conducted_energy_weapon",
  "mobile_phone",
  "dock",
  /** What an import brings in when no mapping says otherwise. */
  "other",
]);
export const deviceStatusEnum = pgEnum("device_status", ["available", "assigned", "maintenance", "retired"]);
/** Where a device came from: entered in Latchkey, or imported by a data flow from an Axonius instance. */
export const deviceSourceEnum = pgEnum("device_source", ["manual", "axonius"]);

export const devices = pgTable(
  "devices",
  {
    id: id(),
    organizationId: organizationId(),
    /** Unique in the organization when not empty; an imported device may have none. */
    serial: text("serial").notNull(),
    model: text("model").notNull(),
    type: deviceTypeEnum("type").notNull(),
    status: deviceStatusEnum("status").notNull().default("available"),
    assignedUserId: uuid("assigned_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The first preferred hostname Axonius reports; null for a device entered by hand. */
    hostname: text("hostname"),
    /** IPv4 and IPv6 addresses as text, a JSON list (the schema has no SQL arrays). */
    ipAddresses: jsonb("ip_addresses").$type<string[]>().notNull().default([]),
    /** When the source last saw the device. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    source: deviceSourceEnum("source").notNull().default("manual"),
    /** For imported devices: the Axonius instance, the credential's normalized host URL. */
    sourceHost: text("source_host"),
    /** For imported devices: the device's key at the source (Axonius `internal_axon_id`). */
    externalId: text("external_id"),
    /** Set when an import that read everything no longer saw the device; cleared when it reappears. */
    missingSince: timestamp("missing_since", { withTimezone: true }),
    /** The data flow run that last read the device upstream (no foreign key: runs may be pruned). */
    lastImportRunId: uuid("last_import_run_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("devices_organization_serial_unique")
      .on(table.organizationId, table.serial)
      .where(sql`${table.serial} <> ''`),
    uniqueIndex("devices_organization_source_external_unique").on(
      table.organizationId,
      table.sourceHost,
      table.externalId,
    ),
  ],
);

export const reportKindEnum = pgEnum("report_kind", ["case_summary", "evidence_inventory", "device_status"]);
export const reportStatusEnum = pgEnum("report_status", ["pending", "completed", "failed"]);

export const reports = pgTable(
  "reports",
  {
    id: id(),
    organizationId: organizationId(),
    kind: reportKindEnum("kind").notNull(),
    parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull().default({}),
    status: reportStatusEnum("status").notNull().default("pending"),
    result: jsonb("result").$type<Record<string, unknown>>(),
    requestedBy: text("requested_by").notNull(),
    generatedAt: timestamp("generated_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("reports_organization_created_idx").on(table.organizationId, table.createdAt)],
);

export type Case = typeof cases.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Evidence = typeof evidence.$inferSelect;
export type Device = typeof devices.$inferSelect;
export type Report = typeof reports.$inferSelect;
