-- Trigram operator classes for the audit log's substring search (a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "audit_events_organization_created_idx";--> statement-breakpoint
DROP INDEX "audit_events_target_idx";--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("organization_id","action","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_type_idx" ON "audit_events" USING btree ("organization_id","actor_type","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_outcome_idx" ON "audit_events" USING btree ("organization_id","outcome","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_reason_idx" ON "audit_events" USING btree ("organization_id","reason") WHERE "audit_events"."reason" is not null;--> statement-breakpoint
CREATE INDEX "audit_events_text_search_idx" ON "audit_events" USING gin ("actor_label" gin_trgm_ops,"target_id" gin_trgm_ops,"ip" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_events_organization_created_idx" ON "audit_events" USING btree ("organization_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("organization_id","target_type","target_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);