import fs from "node:fs";
import path from "node:path";
import type { LatchkeyConfig } from "./env";
import type { InstanceSecretSpec } from "./instance-secret";

export type SecretFileOutcome =
  /** The data folder's file held the replaced secret and now holds the adopted one. */
  | "replaced"
  /** There is no such file (a server database, memory, or a secret always set in the environment). */
  | "absent"
  /** The file holds some other secret; it was left as it is. */
  | "unrelated";

/**
 * After an installation secret was changed in the database's favour (an encryption key
 * rotation): in embedded mode the data folder keeps the generated secret, and a process
 * started without the environment variable reads it, so a file still holding the replaced
 * secret would bring the old one back. Such a file is replaced atomically (same mode 0600).
 */
export function replaceInstanceSecretFile(
  spec: InstanceSecretSpec,
  config: LatchkeyConfig,
  replaced: string,
  adopted: string,
): SecretFileOutcome {
  if (config.dataDir.startsWith("memory://")) return "absent";
  const file = path.join(config.dataDir, spec.fileName);
  if (!fs.existsSync(file)) return "absent";
  if (fs.readFileSync(file, "utf8").trim() !== replaced) return "unrelated";
  const staged = `${file}.${process.pid}.new`;
  fs.writeFileSync(staged, adopted, { mode: 0o600, flag: "wx" });
  fs.renameSync(staged, file);
  return "replaced";
}
