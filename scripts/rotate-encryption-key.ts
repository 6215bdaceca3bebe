/**
 * npm run keys:rotate-encryption — adopts a new installation encryption key. Run it with
 * LATCHKEY_ENCRYPTION_KEY set to the new key and LATCHKEY_ENCRYPTION_KEY_PREVIOUS to the key
 * it replaces: every organization's data key is re-wrapped and every token-signing key
 * re-sealed under the new key, in one transaction, audited in every organization.
 *
 * Without downtime on PostgreSQL:
 *   1. restart each process with both variables set (new key, previous key): each reads
 *      what either key sealed;
 *   2. run this once, with the same two variables;
 *   3. restart each process with only the new LATCHKEY_ENCRYPTION_KEY.
 * Running it again re-seals only what is still under another key.
 *
 * On the embedded database (one process per data folder), stop the server first; a
 * generated `encryption-key` file in the data folder that holds the previous key is then
 * replaced by the new one, so the server starts without either variable as before.
 */
import { readConfig } from "@/lib/config/env";
import { INSTANCE_SECRETS } from "@/lib/config/instance-secret";
import { replaceInstanceSecretFile } from "@/lib/config/replace-instance-secret-file";
import {
  ENCRYPTION_KEY_ENV,
  loadInstallationKeyRing,
  PREVIOUS_ENCRYPTION_KEY_ENV,
} from "@/lib/crypto/installation-keys";
import { closeDb, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import {
  InstallationKeyUnavailableError,
  rotateInstallationKey,
} from "@/lib/encryption/rotate-installation-key";

const USAGE = `Usage: ${ENCRYPTION_KEY_ENV}=<new key> ${PREVIOUS_ENCRYPTION_KEY_ENV}=<old key> npm run keys:rotate-encryption`;

function refuse(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

if (process.argv.length > 2) refuse(`Unknown argument ${process.argv.slice(2).join(" ")}.`);
const previousSecret = process.env[PREVIOUS_ENCRYPTION_KEY_ENV];
if (!previousSecret) refuse(`${PREVIOUS_ENCRYPTION_KEY_ENV} must name the key being replaced.`);

const config = readConfig();
let ring: ReturnType<typeof loadInstallationKeyRing>;
try {
  ring = loadInstallationKeyRing(config);
} catch (error) {
  refuse((error as Error).message);
}
if (!ring.previous)
  refuse(
    `${ENCRYPTION_KEY_ENV} and ${PREVIOUS_ENCRYPTION_KEY_ENV} are the same key: set ${ENCRYPTION_KEY_ENV} to the new one.`,
  );

const operator = process.env.USER || "operator";
const actor = { type: "system" as const, id: null, label: `${operator} (keys:rotate-encryption)`, ip: null };

await migrateDatabase();
try {
  const rotation = await rotateInstallationKey(await getDb(), actor, ring);
  if (rotation.dataKeysRewrapped + rotation.signingKeysResealed === 0) {
    console.log(
      `Everything is already sealed under installation key ${rotation.installationKeyId}; nothing changed.`,
    );
  } else {
    console.log(
      `Installation key ${rotation.installationKeyId} adopted: ${rotation.dataKeysRewrapped} organization data key(s) re-wrapped and ${rotation.signingKeysResealed} signing key(s) re-sealed (replaced key(s): ${rotation.replacedKeyIds.join(", ")}).`,
    );
  }
  const newSecret = process.env[ENCRYPTION_KEY_ENV];
  if (
    newSecret &&
    replaceInstanceSecretFile(INSTANCE_SECRETS.encryption, config, previousSecret, newSecret) === "replaced"
  ) {
    console.log(`The data folder's ${INSTANCE_SECRETS.encryption.fileName} file now holds the new key.`);
  }
  console.log(
    `Run every process with only the new ${ENCRYPTION_KEY_ENV} from now on; ${PREVIOUS_ENCRYPTION_KEY_ENV} is no longer needed.`,
  );
} catch (error) {
  if (!(error instanceof InstallationKeyUnavailableError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await closeDb();
}
