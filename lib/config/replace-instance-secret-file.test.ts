import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "./env";
import { INSTANCE_SECRETS, loadInstanceSecret } from "./instance-secret";
import { replaceInstanceSecretFile } from "./replace-instance-secret-file";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function embeddedConfig() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "latchkey-secret-"));
  folders.push(dataDir);
  return readConfig(env({ LATCHKEY_DATA_DIR: dataDir }));
}

const spec = INSTANCE_SECRETS.encryption;
const env = (variables: Record<string, string>) => variables as NodeJS.ProcessEnv;
const NEW = "new-encryption-key-0123456789abcdef0123456789";

describe("replaceInstanceSecretFile", () => {
  it("puts the adopted key in the data folder's file when it held the replaced one", () => {
    const config = embeddedConfig();
    const generated = loadInstanceSecret(spec, config, env({}));
    expect(replaceInstanceSecretFile(spec, config, generated, NEW)).toBe("replaced");
    // A process started without LATCHKEY_ENCRYPTION_KEY now reads the new key.
    expect(loadInstanceSecret(spec, config, env({}))).toBe(NEW);
    const file = path.join(config.dataDir, spec.fileName);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(config.dataDir)).toEqual([spec.fileName]);
  });

  it("leaves a file holding another key, and reports a folder without one", () => {
    const config = embeddedConfig();
    expect(replaceInstanceSecretFile(spec, config, "whatever", NEW)).toBe("absent");
    const generated = loadInstanceSecret(spec, config, env({}));
    expect(replaceInstanceSecretFile(spec, config, `${generated}-not-it`, NEW)).toBe("unrelated");
    expect(loadInstanceSecret(spec, config, env({}))).toBe(generated);
    expect(replaceInstanceSecretFile(spec, { ...config, dataDir: "memory://" }, generated, NEW)).toBe(
      "absent",
    );
  });
});
