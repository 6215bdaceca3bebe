-- The permission catalogue gained audit_events:read (GET /api/v1/audit-events). The built-in role
-- holds every permission, and a personal token holding every permission follows its owner's role
-- (lib/db/schema/tokens.ts): both gain the new one, at the end, where the catalogue orders it.
-- API clients and other roles keep exactly what they were granted.
UPDATE "roles" SET "permissions" = "permissions" || '["audit_events:read"]'::jsonb
WHERE "built_in" AND NOT "permissions" ? 'audit_events:read';--> statement-breakpoint
UPDATE "personal_tokens" SET "scopes" = "scopes" || '["audit_events:read"]'::jsonb
WHERE "scopes" @> '["users:read","users:create","users:update","users:delete","groups:read","groups:create","groups:update","groups:delete","cases:read","cases:create","cases:update","cases:delete","evidence:read","evidence:create","evidence:update","evidence:delete","evidence:download","devices:read","devices:create","devices:update","devices:delete","reports:read","reports:create","reports:delete","categories:read","categories:create","categories:update","categories:delete"]'::jsonb
  AND NOT "scopes" ? 'audit_events:read';
