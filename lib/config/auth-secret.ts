import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { LatchkeyConfig } from "./env";

/**
 * Makes sure Auth.js has a secret to sign sessions with. Embedded mode generates one and keeps
 * it in the data folder; a production deployment on a database server must provide its own,
 * because several processes must share it.
 */
export function ensureAuthSecret(config: LatchkeyConfig, env: NodeJS.ProcessEnv = process.env): void {
  if (env.AUTH_SECRET) return;
  if (config.databaseUrl && config.production) {
    throw new Error(
      "AUTH_SECRET is required when DATABASE_URL is set in production. Generate one with `openssl rand -base64 32`.",
    );
  }
  if (config.dataDir.startsWith("memory://")) {
    env.AUTH_SECRET = randomBytes(32).toString("base64url");
    return;
  }
  const file = path.join(config.dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
