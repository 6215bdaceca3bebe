-- Counters need not survive a crash: unlogged, they cost no write-ahead log on every API call.
CREATE UNLOGGED TABLE "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trusted_password_sources" (
	"user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"last_succeeded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trusted_password_sources_user_id_source_pk" PRIMARY KEY("user_id","source")
);
--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "requests_per_minute" integer;--> statement-breakpoint
ALTER TABLE "trusted_password_sources" ADD CONSTRAINT "trusted_password_sources_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limit_counters_expire_idx" ON "rate_limit_counters" USING btree ("expire");