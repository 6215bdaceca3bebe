import { describe, expect, it } from "vitest";
import { BASE62_ALPHABET, encodeBase62, randomBase62 } from "./base62";
import {
  displayPrefix,
  generateSecret,
  isWellFormedSecret,
  SECRET_BODY_LENGTH,
  SECRET_PREFIXES,
  type SecretKind,
} from "./secret-format";

const KINDS = Object.keys(SECRET_PREFIXES) as SecretKind[];

function replaceAt(text: string, index: number, character: string): string {
  return text.slice(0, index) + character + text.slice(index + 1);
}

describe("secret format", () => {
  it("uses the documented prefixes and carries at least 256 random bits", () => {
    expect(SECRET_PREFIXES).toEqual({
      client_secret: "lk_cs_",
      personal_token: "lk_pat_",
      legacy_key: "lk_legacy_",
    });
    expect(SECRET_BODY_LENGTH).toBe(43);
    expect(SECRET_BODY_LENGTH * Math.log2(62)).toBeGreaterThanOrEqual(256);
  });

  it.each(KINDS)("generates well-formed %s secrets", (kind) => {
    const secret = generateSecret(kind);
    const prefix = SECRET_PREFIXES[kind];
    expect(secret.startsWith(prefix)).toBe(true);
    expect(secret).toHaveLength(prefix.length + 43 + 6);
    expect(secret.slice(prefix.length)).toMatch(/^[0-9A-Za-z]+$/);
    expect(isWellFormedSecret(secret, kind)).toBe(true);
    for (const other of KINDS.filter((candidate) => candidate !== kind)) {
      expect(isWellFormedSecret(secret, other)).toBe(false);
    }
  });

  it("never repeats a secret", () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => generateSecret("client_secret")));
    expect(secrets.size).toBe(1000);
  });

  it("rejects any single tampered character by its checksum", () => {
    const secret = generateSecret("client_secret");
    for (let index = SECRET_PREFIXES.client_secret.length; index < secret.length; index += 1) {
      const original = secret[index] ?? "";
      const replacement = original === "a" ? "b" : "a";
      expect(isWellFormedSecret(replaceAt(secret, index, replacement), "client_secret")).toBe(false);
    }
  });

  it.each([
    ["wrong prefix", (s: string) => `lk_xx_${s.slice(6)}`],
    ["missing prefix", (s: string) => s.slice(6)],
    ["one character short", (s: string) => s.slice(0, -1)],
    ["one character long", (s: string) => `${s}a`],
    ["character outside base62", (s: string) => replaceAt(s, 10, "-")],
    ["surrounding whitespace", (s: string) => ` ${s}`],
    ["upper-cased prefix", (s: string) => `LK_CS_${s.slice(6)}`],
    ["empty", () => ""],
  ])("rejects a secret with %s", (_label, mangle) => {
    expect(isWellFormedSecret(mangle(generateSecret("client_secret")), "client_secret")).toBe(false);
  });

  it("rejects values that are not strings", () => {
    expect(isWellFormedSecret(undefined, "client_secret")).toBe(false);
    expect(isWellFormedSecret(42, "client_secret")).toBe(false);
    expect(isWellFormedSecret(null, "client_secret")).toBe(false);
  });

  it("keeps the prefix and four random characters for display", () => {
    const secret = generateSecret("client_secret");
    expect(displayPrefix(secret)).toBe(secret.slice(0, 10));
    expect(displayPrefix(generateSecret("legacy_key"))).toHaveLength("lk_legacy_".length + 4);
  });
});

describe("checksum primitives", () => {
  it("encodes base62 with zero padding", () => {
    expect(encodeBase62(0, 6)).toBe("000000");
    expect(encodeBase62(61, 2)).toBe("0z");
    expect(encodeBase62(0xffffffff, 6)).toHaveLength(6);
    expect(() => encodeBase62(62 ** 2, 2)).toThrow(RangeError);
  });

  it("draws random characters from the whole alphabet", () => {
    const seen = new Set(randomBase62(5000));
    expect(seen.size).toBe(BASE62_ALPHABET.length);
  });
});
