import { crc32 } from "node:zlib";
import { BITS_PER_BASE62_CHAR, encodeBase62, isBase62, randomBase62 } from "./base62";
import { SECRET_PREFIXES, type SecretKind } from "./secret-prefixes";

/**
 * Latchkey secrets look like GitHub's tokens: a recognisable prefix, a random base62 body and
 * a six-character checksum, e.g. `lk_cs_` + 43 random characters + 6 checksum characters.
 * The prefix lets secret scanners find a leaked one; the checksum lets us (and them) reject
 * a mistyped or made-up value without touching the database.
 */
export { SECRET_PREFIXES, type SecretKind } from "./secret-prefixes";

/** 43 base62 characters carry 256.03 bits: the smallest body that reaches 256. */
export const SECRET_BODY_LENGTH = Math.ceil(256 / BITS_PER_BASE62_CHAR);
/** CRC-32 is below 2^32 < 62^6, so six characters always hold it. */
export const SECRET_CHECKSUM_LENGTH = 6;
const SECRET_TAIL_LENGTH = SECRET_BODY_LENGTH + SECRET_CHECKSUM_LENGTH;

/** Random body characters kept after the prefix for display: enough to tell secrets apart, ~24 bits. */
const DISPLAY_BODY_CHARS = 4;

function checksumOf(prefixAndBody: string): string {
  return encodeBase62(crc32(prefixAndBody), SECRET_CHECKSUM_LENGTH);
}

/** A new secret of the given kind, with ≥ 256 bits from the OS CSPRNG. Show it once, store its hash. */
export function generateSecret(kind: SecretKind): string {
  const prefixAndBody = SECRET_PREFIXES[kind] + randomBase62(SECRET_BODY_LENGTH);
  return prefixAndBody + checksumOf(prefixAndBody);
}

/**
 * Whether `value` could be a secret of `kind`: right prefix, length, alphabet and checksum.
 * Pure and cheap, so an API request carrying a malformed secret costs no database look-up.
 */
export function isWellFormedSecret(value: unknown, kind: SecretKind): value is string {
  if (typeof value !== "string") return false;
  const prefix = SECRET_PREFIXES[kind];
  if (!value.startsWith(prefix)) return false;
  const tail = value.slice(prefix.length);
  if (tail.length !== SECRET_TAIL_LENGTH || !isBase62(tail)) return false;
  const prefixAndBody = value.slice(0, prefix.length + SECRET_BODY_LENGTH);
  return checksumOf(prefixAndBody) === value.slice(prefix.length + SECRET_BODY_LENGTH);
}

/**
 * The part of a secret kept in clear for display ("lk_cs_Ab3x"): the prefix and the first
 * four random characters. Never enough to guess the rest.
 */
export function displayPrefix(secret: string): string {
  const kind = (Object.keys(SECRET_PREFIXES) as SecretKind[]).find((candidate) =>
    secret.startsWith(SECRET_PREFIXES[candidate]),
  );
  const prefixLength = kind ? SECRET_PREFIXES[kind].length : 0;
  return secret.slice(0, prefixLength + DISPLAY_BODY_CHARS);
}
