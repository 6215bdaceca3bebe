import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { LatchkeyConfig } from "./env";

export interface InstanceSecretSpec {
  /** Environment variable that provides the secret. */
  envName: string;
  /** File in the data folder where embedded mode keeps a generated one. */
  fileName: string;
}

/** Every installation-wide secret; a production deployment on PostgreSQL sets each in its environment. */
export const INSTANCE_SECRETS = {
  sessions: { envName: "AUTH_SECRET", fileName: "auth-secret" },
  hashPepper: { envName: "LATCHKEY_SECRET_PEPPER", fileName: "secret-pepper" },
  encryption: { envName: "LATCHKEY_ENCRYPTION_KEY", fileName: "encryption-key" },
} as const satisfies Record<string, InstanceSecretSpec>;

/** The shortest value accepted for an installation secret. */
export const MIN_SECRET_LENGTH = 32;

function readOrCreate(file: string, dataDir: string): string {
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
  if (value.length < MIN_SECRET_LENGTH) throw new Error(`${file} is too short to be a secret.`);
  return value;
}

/**
 * A secret the whole installation shares (session signing, hash pepper, encryption key).
 * The environment comes first; a production deployment on a database server must set it,
 * because every process needs the same value; embedded mode keeps a generated one in the
 * data folder; an in-memory database gets one per process, which dies with its data.
 */
export function loadInstanceSecret(
  spec: InstanceSecretSpec,
  config: LatchkeyConfig,
  env: NodeJS.ProcessEnv,
): string {
  const configured = env[spec.envName];
  if (configured) {
    if (configured.length < MIN_SECRET_LENGTH)
      throw new Error(`${spec.envName} must be at least ${MIN_SECRET_LENGTH} characters long.`);
    return configured;
  }
  if (config.databaseUrl && config.production) {
    throw new Error(
      `${spec.envName} is required when DATABASE_URL is set in production. Generate one with \`openssl rand -base64 32\`.`,
    );
  }
  if (config.dataDir.startsWith("memory://")) return randomBytes(32).toString("base64url");
  return readOrCreate(path.join(config.dataDir, spec.fileName), config.dataDir);
}
