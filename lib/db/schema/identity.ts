import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Scope } from "@/lib/permissions/catalogue";
import { createdAt, id, organizationId, updatedAt } from "./columns";

export const roles = pgTable(
  "roles",
  {
    id: id(),
    organizationId: organizationId(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Built-in roles ("Site Administrator") cannot be deleted or lose their rights. */
    builtIn: boolean("built_in").notNull().default(false),
    restApiEnabled: boolean("rest_api_enabled").notNull().default(false),
    consoleAdmin: boolean("console_admin").notNull().default(false),
    /** Allowed scopes; empty means nothing is allowed. */
    permissions: jsonb("permissions").$type<Scope[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex("roles_organization_name_unique").on(table.organizationId, table.name)],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    organizationId: organizationId(),
    /** Stored lower-cased; sign-in is by email alone, so it is unique across organizations. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "restrict" }),
    active: boolean("active").notNull().default(true),
    /** Bumped to end every console session of the user (deactivation, password change). */
    sessionVersion: integer("session_version").notNull().default(0),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** Last resource API call made with HTTP Basic (email + password), to the minute. */
    lastBasicAuthAt: timestamp("last_basic_auth_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("users_email_unique").on(table.email),
    index("users_organization_name_idx").on(table.organizationId, table.name),
    index("users_role_idx").on(table.roleId),
  ],
);

export const groups = pgTable(
  "groups",
  {
    id: id(),
    organizationId: organizationId(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex("groups_organization_name_unique").on(table.organizationId, table.name)],
);

export const groupMembers = pgTable(
  "group_members",
  {
    organizationId: organizationId(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: createdAt(),
  },
  (table) => [
    uniqueIndex("group_members_pk").on(table.groupId, table.userId),
    index("group_members_user_idx").on(table.userId),
  ],
);

/** Console sign-in attempts, kept for rate limiting; read by email and by address. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: id(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("sign_in_attempts_email_idx").on(table.email, table.attemptedAt),
    index("sign_in_attempts_ip_idx").on(table.ip, table.attemptedAt),
    index("sign_in_attempts_failed_idx").on(table.attemptedAt).where(sql`not ${table.succeeded}`),
  ],
);

export type Role = typeof roles.$inferSelect;
export type User = typeof users.$inferSelect;
