import ipaddr from "ipaddr.js";
import { z } from "zod";
import { parseAllowListEntry } from "./allow-list-entry";
import { normalizeAddress } from "./client-address";

/**
 * IP allow lists of API clients: parsed from what an administrator types, stored in normal
 * form, enforced per request. Which entries are accepted, and why, is documented in
 * ./allow-list-entry.ts. Beyond single entries:
 *
 * - Input is an array of entries (chips) or text with one entry per line; surrounding
 *   whitespace is trimmed and empty lines are ignored.
 * - At most 100 entries.
 * - An entry that is the same as an earlier one after normalization (`10.0.0.1/32` after
 *   `10.0.0.1`) is refused as a duplicate; overlapping but different ranges are allowed.
 * - Errors point at the entry's position in the input (the array index, or the 0-based line
 *   number of the text), so a form can flag each entry by itself.
 */
export const MAX_ALLOWED_IP_ENTRIES = 100;
/** Bounds on raw input, so that parsing an absurd payload costs nothing. */
const MAX_INPUT_TEXT_LENGTH = 20_000;
const MAX_INPUT_ITEMS = 1_000;
/** Longer than any valid entry (an IPv4-mapped IPv6 range is ~50 characters). */
const MAX_ENTRY_LENGTH = 100;

export interface AllowListEntryError {
  /** Position in the input: the array index or the 0-based line number. */
  index: number;
  /** The entry as typed (trimmed, cut to 100 characters). */
  entry: string;
  reason: string;
}

export interface ParsedAllowList {
  /** The valid entries in normal form, in input order. */
  entries: string[];
  errors: AllowListEntryError[];
  /** A problem with the list as a whole (too many entries). */
  listError?: string;
}

function splitInput(input: string | readonly string[]): string[] {
  return typeof input === "string" ? input.split(/\r\n|\r|\n/) : [...input];
}

export function parseAllowedIpList(input: string | readonly string[]): ParsedAllowList {
  const entries: string[] = [];
  const errors: AllowListEntryError[] = [];
  const seen = new Set<string>();
  let count = 0;
  splitInput(input).forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === "") return;
    count += 1;
    if (entry.length > MAX_ENTRY_LENGTH) {
      errors.push({ index, entry: entry.slice(0, MAX_ENTRY_LENGTH), reason: "too long to be an address" });
      return;
    }
    const parsed = parseAllowListEntry(entry);
    if (!parsed.ok) errors.push({ index, entry, reason: parsed.reason });
    else if (seen.has(parsed.value)) {
      const as = parsed.value === entry ? "" : ` (as ${parsed.value})`;
      errors.push({ index, entry, reason: `already listed${as}` });
    } else {
      seen.add(parsed.value);
      entries.push(parsed.value);
    }
  });
  const listError =
    count > MAX_ALLOWED_IP_ENTRIES
      ? `At most ${MAX_ALLOWED_IP_ENTRIES} addresses or ranges; this list has ${count}.`
      : undefined;
  return listError ? { entries, errors, listError } : { entries, errors };
}

/**
 * The allow list as forms and server actions take it: text or an array in, normalized
 * `string[]` out. Each bad entry becomes its own issue at `path: [index]` with the message
 * "entry — reason"; a list-level problem is an issue on the field itself.
 */
export const allowedIpListSchema = z
  .union([z.string().max(MAX_INPUT_TEXT_LENGTH), z.array(z.string()).max(MAX_INPUT_ITEMS)])
  .transform((input, ctx) => {
    const parsed = parseAllowedIpList(input);
    if (parsed.listError) ctx.addIssue({ code: "custom", message: parsed.listError });
    for (const error of parsed.errors) {
      ctx.addIssue({ code: "custom", path: [error.index], message: `${error.entry} — ${error.reason}` });
    }
    return parsed.entries;
  });

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function toRange(entry: string): Range | undefined {
  try {
    if (entry.includes("/")) return ipaddr.parseCIDR(entry);
    const address = ipaddr.process(entry);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  } catch {
    return undefined; // a corrupt stored entry matches nothing: fail closed
  }
}

/**
 * Whether `address` (the resolved client address, see resolveClientAddress) falls in one of
 * the normalized `entries`. An empty list matches nothing; whether an empty list means "no
 * restriction" (the organization does not restrict by IP) or "nobody" is for the caller to
 * decide, and it must decide before calling this.
 */
export function isAddressAllowed(address: string, entries: readonly string[]): boolean {
  const normalized = normalizeAddress(address);
  if (!normalized) return false;
  const parsed = ipaddr.parse(normalized);
  return entries.some((entry) => {
    const range = toRange(entry);
    return range !== undefined && range[0].kind() === parsed.kind() && parsed.match(range);
  });
}
