CREATE TABLE "old_secret_addresses" (
	"secret_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"ip" text NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	CONSTRAINT "old_secret_addresses_secret_id_ip_pk" PRIMARY KEY("secret_id","ip")
);
--> statement-breakpoint
CREATE TABLE "old_secret_usage" (
	"secret_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"api_calls" integer DEFAULT 0 NOT NULL,
	"tokens_issued" integer DEFAULT 0 NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_last_seen" (
	"organization_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ip" text NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"endpoint" text NOT NULL,
	CONSTRAINT "usage_last_seen_pk" PRIMARY KEY("organization_id","subject_kind","subject_id")
);
--> statement-breakpoint
CREATE TABLE "usage_rollup_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_rollups" (
	"organization_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"granularity" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"endpoint" text NOT NULL,
	"outcome" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "usage_rollups_pk" PRIMARY KEY("organization_id","subject_kind","subject_id","granularity","bucket_start","endpoint","outcome","scope")
);
--> statement-breakpoint
ALTER TABLE "old_secret_addresses" ADD CONSTRAINT "old_secret_addresses_secret_id_api_client_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."api_client_secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "old_secret_addresses" ADD CONSTRAINT "old_secret_addresses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "old_secret_usage" ADD CONSTRAINT "old_secret_usage_secret_id_api_client_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."api_client_secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "old_secret_usage" ADD CONSTRAINT "old_secret_usage_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_last_seen" ADD CONSTRAINT "usage_last_seen_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_rollups" ADD CONSTRAINT "usage_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "old_secret_addresses_recent_idx" ON "old_secret_addresses" USING btree ("secret_id","last_used_at");--> statement-breakpoint
CREATE INDEX "usage_rollups_organization_idx" ON "usage_rollups" USING btree ("organization_id","granularity","bucket_start");--> statement-breakpoint
CREATE INDEX "usage_rollups_retention_idx" ON "usage_rollups" USING btree ("granularity","bucket_start");