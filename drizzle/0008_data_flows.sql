CREATE TYPE "public"."data_flow_import" AS ENUM('devices');--> statement-breakpoint
CREATE TYPE "public"."data_flow_run_status" AS ENUM('queued', 'running', 'succeeded', 'partial', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."data_flow_run_trigger" AS ENUM('manual', 'schedule', 'retry');--> statement-breakpoint
CREATE TYPE "public"."data_flow_schedule" AS ENUM('manual', 'hourly', 'daily', 'cron');--> statement-breakpoint
CREATE TYPE "public"."device_source" AS ENUM('manual', 'axonius');--> statement-breakpoint
ALTER TYPE "public"."device_type" ADD VALUE 'other';--> statement-breakpoint
CREATE TABLE "data_flow_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"flow_id" uuid NOT NULL,
	"trigger" "data_flow_run_trigger" NOT NULL,
	"status" "data_flow_run_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancel_requested_at" timestamp with time zone,
	"pages_fetched" integer DEFAULT 0 NOT NULL,
	"total_records" integer,
	"read_count" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"unchanged_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"skip_reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"missing_count" integer DEFAULT 0 NOT NULL,
	"error_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"connector" "outbound_connector" NOT NULL,
	"credential_id" uuid NOT NULL,
	"imports" "data_flow_import" DEFAULT 'devices' NOT NULL,
	"filter" text DEFAULT '' NOT NULL,
	"schedule" "data_flow_schedule" DEFAULT 'manual' NOT NULL,
	"cron" text,
	"paused" boolean DEFAULT false NOT NULL,
	"paused_reason" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"next_run_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "devices_organization_serial_unique";--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "hostname" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "ip_addresses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "source" "device_source" DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "source_host" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "missing_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "last_import_run_id" uuid;--> statement-breakpoint
ALTER TABLE "data_flow_runs" ADD CONSTRAINT "data_flow_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_flow_runs" ADD CONSTRAINT "data_flow_runs_flow_id_data_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."data_flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_flows" ADD CONSTRAINT "data_flows_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_flows" ADD CONSTRAINT "data_flows_credential_id_outbound_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."outbound_credentials"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_flows" ADD CONSTRAINT "data_flows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_flows" ADD CONSTRAINT "data_flows_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_flow_runs_flow_created_idx" ON "data_flow_runs" USING btree ("flow_id","created_at","id");--> statement-breakpoint
CREATE INDEX "data_flow_runs_organization_created_idx" ON "data_flow_runs" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "data_flow_runs_one_running_per_flow" ON "data_flow_runs" USING btree ("flow_id") WHERE "data_flow_runs"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "data_flows_organization_name_unique" ON "data_flows" USING btree ("organization_id","name_key");--> statement-breakpoint
CREATE INDEX "data_flows_credential_idx" ON "data_flows" USING btree ("credential_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_organization_source_external_unique" ON "devices" USING btree ("organization_id","source_host","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_organization_serial_unique" ON "devices" USING btree ("organization_id","serial") WHERE "devices"."serial" <> '';