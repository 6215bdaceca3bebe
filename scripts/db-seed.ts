import { closeDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { describeSeededAdmins } from "@/lib/db/prepare-database";
import { seedDatabase } from "@/lib/db/seed/seed-database";

// Never run beside a server on the same embedded data folder: PGlite has one writer.
await migrateDatabase();
const created = await seedDatabase();
await closeDb();
if (created.length === 0) console.log("Seed data already present; nothing changed.");
else console.log(["Seeded organizations and administrators:", ...describeSeededAdmins(created)].join("\n"));
