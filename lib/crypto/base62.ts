import { randomBytes } from "node:crypto";

export const BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Bits of entropy carried by one base62 character: log2(62) ≈ 5.954. */
export const BITS_PER_BASE62_CHAR = Math.log2(62);

const BASE62_PATTERN = /^[0-9A-Za-z]*$/;

export function isBase62(value: string): boolean {
  return BASE62_PATTERN.test(value);
}

/**
 * `length` characters drawn uniformly from the base62 alphabet with the OS CSPRNG.
 * Bytes at or above 248 (= 62 × 4) are discarded so that every character is equally likely;
 * a plain `byte % 62` would favour the first eight characters.
 */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length + 8)) {
      if (byte >= 248) continue;
      out += BASE62_ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A non-negative integer in base62, left-padded with "0" to `width` characters. */
export function encodeBase62(value: number, width: number): string {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError("encodeBase62 takes a non-negative integer");
  let rest = value;
  let out = "";
  do {
    out = BASE62_ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  if (out.length > width) throw new RangeError(`${value} does not fit in ${width} base62 characters`);
  return out.padStart(width, "0");
}
