import { sql } from "drizzle-orm";
import {
  boolean,
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
import { createdAt, id, organizationId, updatedAt } from "./columns";
import { users } from "./identity";
import { outboundConnectorEnum, outboundCredentials } from "./outbound-credentials";

/** What a data flow imports. */
export const dataFlowImportEnum = pgEnum("data_flow_import", ["devices"]);
/** When a data flow runs by itself: never (manual), every hour, every day, or on a cron expression. */
export const dataFlowScheduleEnum = pgEnum("data_flow_schedule", ["manual", "hourly", "daily", "cron"]);
export const dataFlowRunTriggerEnum = pgEnum("data_flow_run_trigger", ["manual", "schedule", "retry"]);
export const dataFlowRunStatusEnum = pgEnum("data_flow_run_status", [
  "queued",
  "running",
  "succeeded",
  "partial",
  "failed",
  "cancelled",
]);

/**
 * A data flow: what to import from which connector with which saved credential, and when.
 * The credential cannot be deleted while a flow uses it (restrict).
 */
export const dataFlows = pgTable(
  "data_flows",
  {
    id: id(),
    organizationId: organizationId(),
    /** "Data flow name", as entered (trimmed, NFC). */
    name: text("name").notNull(),
    /** The name lower-cased, for case-insensitive uniqueness in the organization. */
    nameKey: text("name_key").notNull(),
    connector: outboundConnectorEnum("connector").notNull(),
    credentialId: uuid("credential_id")
      .notNull()
      .references(() => outboundCredentials.id, { onDelete: "restrict" }),
    imports: dataFlowImportEnum("imports").notNull().default("devices"),
    /** An Axonius AQL filter; empty imports every device. */
    filter: text("filter").notNull().default(""),
    schedule: dataFlowScheduleEnum("schedule").notNull().default("manual"),
    /** The cron expression when schedule is "cron" (UTC), otherwise null. */
    cron: text("cron"),
    paused: boolean("paused").notNull().default(false),
    /** Why the flow is paused: said by the administrator or by Latchkey after repeated failures. */
    pausedReason: text("paused_reason"),
    /** Runs that failed in a row; a success resets it. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    /** When the schedule runs it next; null for manual or paused flows. */
    nextRunAt: timestamp("next_run_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("data_flows_organization_name_unique").on(table.organizationId, table.nameKey),
    index("data_flows_credential_idx").on(table.credentialId),
  ],
);

/** Counts of skipped records by reason ("conflict", "missing_internal_axon_id", …). */
export type SkipReasonCounts = Record<string, number>;

/** One run of a data flow, with its progress as it goes and its outcome. */
export const dataFlowRuns = pgTable(
  "data_flow_runs",
  {
    id: id(),
    organizationId: organizationId(),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => dataFlows.id, { onDelete: "cascade" }),
    trigger: dataFlowRunTriggerEnum("trigger").notNull(),
    status: dataFlowRunStatusEnum("status").notNull().default("queued"),
    /** How many times a worker has started this run (a run interrupted by a stop is started again). */
    attempts: integer("attempts").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** Set by "Cancel"; the worker stops after the page in hand. */
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    pagesFetched: integer("pages_fetched").notNull().default(0),
    /** Axonius's totalResources, when it gives one. */
    totalRecords: integer("total_records"),
    readCount: integer("read_count").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    unchangedCount: integer("unchanged_count").notNull().default(0),
    skippedCount: integer("skipped_count").notNull().default(0),
    skipReasons: jsonb("skip_reasons").$type<SkipReasonCounts>().notNull().default({}),
    failedCount: integer("failed_count").notNull().default(0),
    /** Devices marked missing upstream by this run. */
    missingCount: integer("missing_count").notNull().default(0),
    errorMessage: text("error_message"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("data_flow_runs_flow_created_idx").on(table.flowId, table.createdAt, table.id),
    index("data_flow_runs_organization_created_idx").on(table.organizationId, table.createdAt),
    // Two runs of one flow never overlap: at most one is running.
    uniqueIndex("data_flow_runs_one_running_per_flow")
      .on(table.flowId)
      .where(sql`${table.status} = 'running'`),
  ],
);

export type DataFlow = typeof dataFlows.$inferSelect;
export type DataFlowRun = typeof dataFlowRuns.$inferSelect;
export type DataFlowSchedule = (typeof dataFlowScheduleEnum.enumValues)[number];
export type DataFlowRunStatus = (typeof dataFlowRunStatusEnum.enumValues)[number];
export type DataFlowRunTrigger = (typeof dataFlowRunTriggerEnum.enumValues)[number];
