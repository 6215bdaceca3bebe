/**
 * npm run keys:rotate — makes a new token-signing key for the whole installation. The old key
 * keeps verifying the tokens it signed; the one before it leaves the JWKS. Every running
 * process signs with the new key from its next token request.
 *
 * npm run keys:rotate -- --compromised — for a key that may have leaked: makes a new key and
 * retires every other one at once; every token they signed is refused on its next use, in
 * every process, and clients ask for new tokens.
 *
 * Run it beside a server only on PostgreSQL: the embedded database admits one process, so
 * stop the server first there.
 */
import { readConfig } from "@/lib/config/env";
import { closeDb, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { accessTokenLifetimeSeconds } from "@/lib/oauth/issuer";
import {
  RotationTooSoonError,
  replaceCompromisedSigningKeys,
  rotateSigningKey,
} from "@/lib/oauth/signing-key-rotation";

const USAGE = "Usage: npm run keys:rotate [-- --compromised]";
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--compromised");
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(" ")}. ${USAGE}`);
  process.exit(2);
}
const compromised = args.includes("--compromised");
const operator = process.env.USER || "operator";
const actor = {
  type: "system" as const,
  id: null,
  label: `${operator} (keys:rotate${compromised ? " --compromised" : ""})`,
  ip: null,
};
const restartNote = readConfig().databaseUrl ? "" : " (restart the server to use it)";

await migrateDatabase();
try {
  const db = await getDb();
  if (compromised) {
    const { current, retired } = await replaceCompromisedSigningKeys(db, actor);
    console.log(`New signing key ${current} is current${restartNote}.`);
    console.log(
      retired.length > 0
        ? `Retired at once: ${retired.join(", ")}. Tokens they signed are refused from now on.`
        : "There was no other key to retire.",
    );
  } else {
    const kid = await rotateSigningKey(db, actor, accessTokenLifetimeSeconds());
    console.log(`New signing key ${kid} is current${restartNote}.`);
  }
} catch (error) {
  if (!(error instanceof RotationTooSoonError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await closeDb();
}
