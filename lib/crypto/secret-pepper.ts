import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type LatchkeyConfig, readConfig } from "@/lib/config/env";

/**
 * The server-side key that secret hashes are made with (HMAC-SHA-256). A stolen database
 * alone then cannot be used to test guesses offline. Changing the pepper invalidates every
 * stored client secret, personal token and legacy key: keep it as long as the database.
 */
export const SECRET_PEPPER_ENV = "LATCHKEY_SECRET_PEPPER";
const PEPPER_FILE = "secret-pepper";
const MIN_PEPPER_LENGTH = 32;

function fromEnv(value: string): Buffer {
  if (value.length < MIN_PEPPER_LENGTH) {
    throw new Error(`${SECRET_PEPPER_ENV} must be at least ${MIN_PEPPER_LENGTH} characters long.`);
  }
  return Buffer.from(value, "utf8");
}

function fromDataFolder(dataDir: string): Buffer {
  const file = path.join(dataDir, PEPPER_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const value = fs.readFileSync(file, "utf8").trim();
  if (value.length < MIN_PEPPER_LENGTH) throw new Error(`${file} is too short to be a secret pepper.`);
  return Buffer.from(value, "utf8");
}

/**
 * Finds the pepper as `ensureAuthSecret` finds the session secret: the environment first;
 * a production deployment on a database server must set it (every process needs the same
 * one); embedded mode keeps a generated one in the data folder; an in-memory database gets
 * one per process, which is fine because its hashes die with it.
 */
export function loadSecretPepper(
  config: LatchkeyConfig = readConfig(),
  env: NodeJS.ProcessEnv = process.env,
): Buffer {
  const configured = env[SECRET_PEPPER_ENV];
  if (configured) return fromEnv(configured);
  if (config.databaseUrl && config.production) {
    throw new Error(
      `${SECRET_PEPPER_ENV} is required when DATABASE_URL is set in production. Generate one with \`openssl rand -base64 32\`.`,
    );
  }
  if (config.dataDir.startsWith("memory://")) return randomBytes(32);
  return fromDataFolder(config.dataDir);
}

const PEPPER_KEY = Symbol.for("latchkey.crypto.secretPepper");
type GlobalWithPepper = typeof globalThis & { [PEPPER_KEY]?: Buffer };

/** The pepper of this process, loaded once and shared by every copy of this module. */
export function getSecretPepper(): Buffer {
  const store = globalThis as GlobalWithPepper;
  store[PEPPER_KEY] ??= loadSecretPepper();
  return store[PEPPER_KEY];
}
