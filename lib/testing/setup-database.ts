import { afterAll, beforeAll, inject } from "vitest";

const testDatabaseUrl = inject("testDatabaseUrl");
if (testDatabaseUrl) process.env.DATABASE_URL = testDatabaseUrl;
else {
  delete process.env.DATABASE_URL;
  process.env.LATCHKEY_DATA_DIR = "memory://";
}
process.env.AUTH_SECRET ||= "latchkey-unit-test-secret-not-for-production";

const MIGRATED = Symbol.for("latchkey.test.migrated");
const store = globalThis as typeof globalThis & { [MIGRATED]?: Promise<void> };

beforeAll(async () => {
  const { migrateDatabase } = await import("@/lib/db/migrate");
  store[MIGRATED] ??= migrateDatabase();
  await store[MIGRATED];
});

afterAll(() => {
  // The connection is shared by every test file of the run and closes with the process.
});
