/**
 * npm run keys:rotate — makes a new token-signing key for the whole installation. The old key
 * keeps verifying the tokens it signed; the one before it leaves the JWKS. Every running
 * process picks the new key up within a minute. Run it beside a server only on PostgreSQL:
 * the embedded database admits one process, so stop the server first there.
 */
import { readConfig } from "@/lib/config/env";
import { closeDb, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { accessTokenLifetimeSeconds } from "@/lib/oauth/issuer";
import { RotationTooSoonError, rotateSigningKey } from "@/lib/oauth/signing-keys";

const operator = process.env.USER || "operator";
await migrateDatabase();
try {
  const kid = await rotateSigningKey(
    await getDb(),
    { type: "system", id: null, label: `${operator} (keys:rotate)`, ip: null },
    accessTokenLifetimeSeconds(),
  );
  console.log(
    `New signing key ${kid} is current${readConfig().databaseUrl ? "" : " (restart the server to use it)"}.`,
  );
} catch (error) {
  if (!(error instanceof RotationTooSoonError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await closeDb();
}
