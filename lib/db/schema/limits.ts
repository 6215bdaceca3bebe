import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";

/**
 * Rate-limit and failure counters shared by every Latchkey process on this database (the
 * rate-limiter-flexible Drizzle store's table: key, points, expiry). Keys are keyed hashes,
 * never the email, address or client ID they count.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: timestamp("expire", { withTimezone: true }),
  },
  (table) => [index("rate_limit_counters_expire_idx").on(table.expire)],
);

/**
 * Where a user's password was proved right before (an address range for HTTP Basic): such a
 * source keeps its own failure budget, so guesses from elsewhere cannot lock the owner out.
 */
export const trustedPasswordSources = pgTable(
  "trusted_password_sources",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A keyed hash of the source (the /64 or IPv4 address it came from). */
    source: text("source").notNull(),
    lastSucceededAt: timestamp("last_succeeded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.source] })],
);
