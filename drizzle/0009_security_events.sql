ALTER TYPE "public"."actor_type" ADD VALUE 'anonymous';--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "organization_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "api_client_secrets" ADD COLUMN "grace_lapse_recorded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "api_client_secrets_grace_lapse_pending_idx" ON "api_client_secrets" USING btree ("expires_at") WHERE "api_client_secrets"."expires_at" is not null and "api_client_secrets"."revoked_at" is null and "api_client_secrets"."grace_lapse_recorded_at" is null;