ALTER TABLE "api_clients" ADD COLUMN "idle_clock_started_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "disabled_reason" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "idle_client_disable_days" integer;