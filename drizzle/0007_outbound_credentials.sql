CREATE TYPE "public"."outbound_credential_test_outcome" AS ENUM('connected', 'failed');--> statement-breakpoint
CREATE TYPE "public"."outbound_connector" AS ENUM('axonius');--> statement-breakpoint
CREATE TABLE "organization_data_keys" (
	"organization_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"installation_key_id" text NOT NULL,
	"wrapped_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rewrapped_at" timestamp with time zone,
	CONSTRAINT "organization_data_keys_organization_id_version_pk" PRIMARY KEY("organization_id","version")
);
--> statement-breakpoint
CREATE TABLE "outbound_credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"connector" "outbound_connector" NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"host_url" text NOT NULL,
	"encrypted_api_key" text NOT NULL,
	"encrypted_client_secret" text NOT NULL,
	"api_key_start" text DEFAULT '' NOT NULL,
	"api_key_end" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"secrets_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_test_outcome" "outbound_credential_test_outcome",
	"last_test_message" text,
	"last_tested_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organization_data_keys" ADD CONSTRAINT "organization_data_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_credentials" ADD CONSTRAINT "outbound_credentials_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_credentials" ADD CONSTRAINT "outbound_credentials_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_credentials" ADD CONSTRAINT "outbound_credentials_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_credentials_organization_name_unique" ON "outbound_credentials" USING btree ("organization_id","name_key");--> statement-breakpoint
CREATE INDEX "outbound_credentials_organization_created_idx" ON "outbound_credentials" USING btree ("organization_id","created_at","id");