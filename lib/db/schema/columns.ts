import { customType, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

/** Primary key shared by every table: a random UUID made by the database. */
export const id = () => uuid("id").primaryKey().defaultRandom();

/** The owning organization; every tenant row carries it and goes when it goes. */
export const organizationId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** Binary content (PostgreSQL bytea), read and written as a Node Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return "bytea";
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});
