import type { LatchkeyConfig } from "./env";
import { INSTANCE_SECRETS, loadInstanceSecret } from "./instance-secret";

/**
 * Makes sure Auth.js has a secret to sign console sessions with (see loadInstanceSecret for
 * where it comes from), and publishes it as AUTH_SECRET for Auth.js to read.
 */
export function ensureAuthSecret(config: LatchkeyConfig, env: NodeJS.ProcessEnv = process.env): void {
  env.AUTH_SECRET = loadInstanceSecret(INSTANCE_SECRETS.sessions, config, env);
}
