import { migrateDatabase } from "./migrate";
import { isDatabaseEmpty, type SeededAdmin, seedDatabase } from "./seed/seed-database";

/** Applies pending migrations and seeds an empty database; returns the administrators it made. */
export async function prepareDatabase(): Promise<SeededAdmin[]> {
  await migrateDatabase();
  return (await isDatabaseEmpty()) ? seedDatabase() : [];
}

export function describeSeededAdmins(admins: readonly SeededAdmin[]): string[] {
  return admins.map((admin) =>
    admin.generatedPassword
      ? `  ${admin.organization}: ${admin.email} / ${admin.generatedPassword}  (generated; shown only this once)`
      : `  ${admin.organization}: ${admin.email} / the password in LATCHKEY_ADMIN_PASSWORD`,
  );
}
