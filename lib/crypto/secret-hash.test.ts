import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { LatchkeyConfig } from "@/lib/config/env";
import "@/lib/testing/test-secret-pepper";
import { generateSecret } from "./secret-format";
import { secretHash } from "./secret-hash";
import { loadSecretPepper, SECRET_PEPPER_ENV } from "./secret-pepper";

const PEPPER_A = Buffer.from("a".repeat(32));
const PEPPER_B = Buffer.from("b".repeat(32));

function configFor(overrides: Partial<LatchkeyConfig>): LatchkeyConfig {
  return {
    databaseUrl: undefined,
    dataDir: "memory://",
    port: 3000,
    adminEmail: "admin@example.com",
    adminPassword: undefined,
    production: false,
    ...overrides,
  };
}

/** An environment holding only these variables (NODE_ENV is required by Next's typings). */
function envWith(variables: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: "test", ...variables };
}

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("secret hashing", () => {
  it("is HMAC-SHA-256: stable for one pepper, different for another", () => {
    const secret = generateSecret("client_secret");
    expect(secretHash(secret, PEPPER_A)).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash(secret, PEPPER_A)).toBe(secretHash(secret, PEPPER_A));
    expect(secretHash(secret, PEPPER_B)).not.toBe(secretHash(secret, PEPPER_A));
    expect(secretHash(generateSecret("client_secret"), PEPPER_A)).not.toBe(secretHash(secret, PEPPER_A));
  });

  it("hashes with the process pepper by default", () => {
    const secret = generateSecret("personal_token");
    expect(secretHash(secret)).toBe(secretHash(secret));
    expect(secretHash(secret)).not.toContain(secret);
  });
});

describe("secret pepper", () => {
  it("takes the environment variable first", () => {
    const pepper = loadSecretPepper(configFor({}), envWith({ [SECRET_PEPPER_ENV]: "x".repeat(40) }));
    expect(pepper.toString()).toBe("x".repeat(40));
  });

  it("refuses a short pepper", () => {
    expect(() => loadSecretPepper(configFor({}), envWith({ [SECRET_PEPPER_ENV]: "too-short" }))).toThrow(
      /at least 32/,
    );
  });

  it("is required with a database server in production", () => {
    const config = configFor({
      databaseUrl: "postgres://db/latchkey",
      production: true,
      dataDir: "/nonexistent",
    });
    expect(() => loadSecretPepper(config, envWith())).toThrow(SECRET_PEPPER_ENV);
  });

  it("is made per process for an in-memory database", () => {
    const a = loadSecretPepper(configFor({ dataDir: "memory://" }), envWith());
    const b = loadSecretPepper(configFor({ dataDir: "memory://" }), envWith());
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(a.equals(b)).toBe(false);
  });

  it("is generated once into the data folder, readable only by its owner", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "latchkey-pepper-"));
    tempDirs.push(dataDir);
    const nested = path.join(dataDir, "nested");
    const first = loadSecretPepper(configFor({ dataDir: nested }), envWith());
    const second = loadSecretPepper(configFor({ dataDir: nested }), envWith());
    expect(first.equals(second)).toBe(true);
    const mode = fs.statSync(path.join(nested, "secret-pepper")).mode & 0o777;
    expect(mode).toBe(0o600);
  });
});
