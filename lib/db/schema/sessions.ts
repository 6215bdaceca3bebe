import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, organizationId } from "./columns";
import { users } from "./identity";

/**
 * Console sign-ins, one row each. The session cookie (an Auth.js JWT) carries the row's ID, and
 * every request checks that the row is still live: signing out or deactivating the user ends
 * it on the server, so a copied cookie stops working at once; `expires_at` is fixed at sign-in,
 * so activity never stretches a session past it.
 */
export const consoleSessions = pgTable(
  "console_sessions",
  {
    id: id(),
    organizationId: organizationId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** Why it ended before expiring: `signed_out` or `user_deactivated`. */
    endReason: text("end_reason"),
  },
  (table) => [index("console_sessions_user_idx").on(table.userId, table.expiresAt)],
);

export type ConsoleSession = typeof consoleSessions.$inferSelect;
