import { type LatchkeyConfig, readConfig } from "@/lib/config/env";
import { INSTANCE_SECRETS, loadInstanceSecret } from "@/lib/config/instance-secret";

/**
 * The server-side key that secret hashes are made with (HMAC-SHA-256). A stolen database
 * alone then cannot be used to test guesses offline. Changing the pepper invalidates every
 * stored client secret, personal token and legacy key: keep it as long as the database.
 */
export const SECRET_PEPPER_ENV = INSTANCE_SECRETS.hashPepper.envName;

/** The pepper: from LATCHKEY_SECRET_PEPPER, or generated and kept as `secret-pepper` in the data folder. */
export function loadSecretPepper(
  config: LatchkeyConfig = readConfig(),
  env: NodeJS.ProcessEnv = process.env,
): Buffer {
  return Buffer.from(loadInstanceSecret(INSTANCE_SECRETS.hashPepper, config, env), "utf8");
}

const PEPPER_KEY = Symbol.for("latchkey.crypto.secretPepper");
type GlobalWithPepper = typeof globalThis & { [PEPPER_KEY]?: Buffer };

/** The pepper of this process, loaded once and shared by every copy of this module. */
export function getSecretPepper(): Buffer {
  const store = globalThis as GlobalWithPepper;
  store[PEPPER_KEY] ??= loadSecretPepper();
  return store[PEPPER_KEY];
}
