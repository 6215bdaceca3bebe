import {
  boolean,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const planEnum = pgEnum("plan", ["free", "standard", "enterprise"]);
export const securityLevelEnum = pgEnum("security_level", ["legacy", "high", "extra_high"]);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Public, stable identifier given to partners; never changes. */
    partnerId: text("partner_id").notNull(),
    plan: planEnum("plan").notNull().default("standard"),
    securityLevel: securityLevelEnum("security_level").notNull().default("high"),
    defaultTokenExpirationDays: integer("default_token_expiration_days").notNull().default(30),
    maxTokenExpirationDays: integer("max_token_expiration_days").notNull().default(365),
    allowUnexpiringTokens: boolean("allow_unexpiring_tokens").notNull().default(false),
    /** "Disable clients unused for" this many days (the idle-client policy); null when off. */
    idleClientDisableDays: integer("idle_client_disable_days"),
    /** Days before a personal token or client secret lapses that its owner and webhooks are told (each once). */
    expiryNoticeDays: jsonb("expiry_notice_days").$type<number[]>().notNull().default([30, 7, 1]),
    restrictApiByIp: boolean("restrict_api_by_ip").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("organizations_partner_id_unique").on(table.partnerId)],
);

export type Organization = typeof organizations.$inferSelect;
export type Plan = (typeof planEnum.enumValues)[number];
export type SecurityLevel = (typeof securityLevelEnum.enumValues)[number];
