import { closeDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

await migrateDatabase();
await closeDb();
console.log("Migrations applied.");
