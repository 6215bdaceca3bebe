import { describe, expect, it } from "vitest";
import { parseAllowListEntry } from "./allow-list-entry";
import {
  allowedIpListSchema,
  isAddressAllowed,
  MAX_ALLOWED_IP_ENTRIES,
  parseAllowedIpList,
} from "./ip-allow-list";

describe("allow list entries: refused, each with its reason", () => {
  it.each([
    ["10.0.0.0/33", "prefix length must be a whole number from 0 to 32 for IPv4"],
    ["2001:db8::/129", "prefix length must be a whole number from 0 to 128 for IPv6"],
    ["10.0.0.0/-1", "prefix length must be a whole number from 0 to 32 for IPv4"],
    ["10.0.0.0/08", "prefix length must be a whole number from 0 to 32 for IPv4"],
    ["10.0.0.0/", "prefix length must be a whole number from 0 to 32 for IPv4"],
    ["256.1.1.1", "not an IP address: each of the four numbers must be 0–255"],
    ["10.1", "shorthand IPv4 forms are not accepted; write all four numbers, e.g. 10.0.0.1 or 10.0.0.0/8"],
    ["10.1.1", "shorthand IPv4 forms are not accepted; write all four numbers, e.g. 10.0.0.1 or 10.0.0.0/8"],
    [
      "167772161",
      "shorthand IPv4 forms are not accepted; write all four numbers, e.g. 10.0.0.1 or 10.0.0.0/8",
    ],
    [
      "0x0a.0.0.1",
      "shorthand IPv4 forms are not accepted; write all four numbers, e.g. 10.0.0.1 or 10.0.0.0/8",
    ],
    ["10.1/16", "shorthand IPv4 forms are not accepted; write all four numbers, e.g. 10.0.0.1 or 10.0.0.0/8"],
    ["010.0.0.1", "leading zeros are not allowed (some systems read them as octal)"],
    ["fe80::1%eth0", "zone IDs (the %… part) are not allowed; remove the interface name"],
    ["fe80::%eth0/64", "zone IDs (the %… part) are not allowed; remove the interface name"],
    ["10.0.0.1/8", "host bits set; did you mean 10.0.0.0/8?"],
    ["192.168.1.77/24", "host bits set; did you mean 192.168.1.0/24?"],
    ["2001:db8::1/32", "host bits set; did you mean 2001:db8::/32?"],
    ["::ffff:10.0.0.1/104", "host bits set; did you mean 10.0.0.0/8?"],
    ["::1.2.3.4", "an IPv6 address may contain a dotted IPv4 part only as ::ffff:a.b.c.d"],
    ["::ffff:010.0.0.1", "an IPv6 address may contain a dotted IPv4 part only as ::ffff:a.b.c.d"],
    ["1:2:3:4:5:6:7:8:9", "not an IP address or CIDR range"],
    ["10.0.0.0/8/8", "not an IP address or CIDR range"],
    ["example.com", "not an IP address or CIDR range"],
    ["10.0.0.1 10.0.0.2", "put one address or range per line"],
    ["10.0.0.1,10.0.0.2", "put one address or range per line"],
  ])("%s", (entry, reason) => {
    expect(parseAllowListEntry(entry)).toEqual({ ok: false, reason });
  });
});

describe("allow list entries: accepted in normal form", () => {
  it.each([
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["203.0.113.7", "203.0.113.7"],
    ["203.0.113.7/32", "203.0.113.7"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:0db8::/32", "2001:db8::/32"],
    ["2001:db8::1/128", "2001:db8::1"],
    ["::ffff:10.0.0.1", "10.0.0.1"],
    ["::ffff:a00:1", "10.0.0.1"],
    ["::ffff:10.0.0.0/104", "10.0.0.0/8"],
    ["::/0", "::/0"],
    ["::1", "::1"],
  ])("%s → %s", (entry, normal) => {
    expect(parseAllowListEntry(entry)).toEqual({ ok: true, value: normal });
  });
});

describe("allow lists", () => {
  it("takes text with one entry per line, trimming and skipping empty lines", () => {
    const parsed = parseAllowedIpList("  10.0.0.0/8 \r\n\n2001:DB8::1\n   \n");
    expect(parsed).toEqual({ entries: ["10.0.0.0/8", "2001:db8::1"], errors: [] });
  });

  it("flags each bad entry by itself, at its position", () => {
    const parsed = parseAllowedIpList(["10.0.0.0/8", "10.1", "", "256.1.1.1", "192.0.2.1"]);
    expect(parsed.entries).toEqual(["10.0.0.0/8", "192.0.2.1"]);
    expect(parsed.errors.map((error) => [error.index, error.entry])).toEqual([
      [1, "10.1"],
      [3, "256.1.1.1"],
    ]);
  });

  it("refuses duplicates after normalization", () => {
    const parsed = parseAllowedIpList(["10.0.0.1", "10.0.0.1/32", "::ffff:10.0.0.1", "10.0.0.1"]);
    expect(parsed.entries).toEqual(["10.0.0.1"]);
    expect(parsed.errors).toEqual([
      { index: 1, entry: "10.0.0.1/32", reason: "already listed (as 10.0.0.1)" },
      { index: 2, entry: "::ffff:10.0.0.1", reason: "already listed (as 10.0.0.1)" },
      { index: 3, entry: "10.0.0.1", reason: "already listed" },
    ]);
  });

  it("allows overlapping but different ranges", () => {
    expect(parseAllowedIpList(["10.0.0.0/8", "10.1.0.0/16"]).errors).toEqual([]);
  });

  it(`holds at most ${MAX_ALLOWED_IP_ENTRIES} entries`, () => {
    const entries = (count: number) => Array.from({ length: count }, (_, i) => `10.0.${i >> 8}.${i & 255}`);
    expect(parseAllowedIpList(entries(100)).listError).toBeUndefined();
    expect(parseAllowedIpList(entries(101)).listError).toBe(
      "At most 100 addresses or ranges; this list has 101.",
    );
  });

  it("cuts an absurdly long entry short in its error", () => {
    const [error] = parseAllowedIpList(["1".repeat(5000)]).errors;
    expect(error?.entry).toHaveLength(100);
    expect(error?.reason).toBe("too long to be an address");
  });
});

describe("allowedIpListSchema", () => {
  it("outputs the normalized list from text or an array", () => {
    expect(allowedIpListSchema.parse("10.0.0.1/32\n2001:DB8::/32")).toEqual(["10.0.0.1", "2001:db8::/32"]);
    expect(allowedIpListSchema.parse([])).toEqual([]);
  });

  it("puts one issue on each bad entry and one on the list when it is too long", () => {
    const long = Array.from({ length: 101 }, (_, i) => `192.0.2.${i}`);
    long[5] = "10.1";
    const result = allowedIpListSchema.safeParse(long);
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path, issue.message]);
    expect(issues).toContainEqual([[], "At most 100 addresses or ranges; this list has 101."]);
    expect(issues).toContainEqual([
      [5],
      "10.1 — shorthand IPv4 forms are not accepted; write all four numbers, e.g. 10.0.0.1 or 10.0.0.0/8",
    ]);
  });

  it("refuses input that is neither text nor a list of text", () => {
    expect(allowedIpListSchema.safeParse(42).success).toBe(false);
    expect(allowedIpListSchema.safeParse([1, 2]).success).toBe(false);
  });
});

describe("isAddressAllowed", () => {
  const entries = ["10.0.0.0/8", "203.0.113.7", "2001:db8::/32"];

  it.each([
    ["10.20.30.40", true],
    ["11.0.0.1", false],
    ["203.0.113.7", true],
    ["203.0.113.8", false],
    ["::ffff:10.1.2.3", true],
    ["2001:db8:1::5", true],
    ["2001:db9::1", false],
    ["unknown", false],
    ["", false],
  ])("%s → %s", (address, allowed) => {
    expect(isAddressAllowed(address, entries)).toBe(allowed);
  });

  it("matches nothing with an empty list (what empty means is the caller's decision)", () => {
    expect(isAddressAllowed("10.0.0.1", [])).toBe(false);
  });

  it("ignores a corrupt stored entry instead of failing open", () => {
    expect(isAddressAllowed("10.0.0.1", ["garbage", "10.0.0.1"])).toBe(true);
    expect(isAddressAllowed("10.0.0.1", ["garbage/99"])).toBe(false);
  });
});
