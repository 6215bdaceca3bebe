import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, resolveClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.1");

  it("uses the TCP peer and ignores a client-sent X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress("203.0.113.9", "10.9.8.7", none)).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", proxies)).toBe("203.0.113.9");
  });

  it("takes the right-most untrusted hop behind trusted proxies", () => {
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7, 10.0.0.5", proxies)).toBe("198.51.100.7");
    expect(resolveClientAddress("192.168.1.1", "198.51.100.8", proxies)).toBe("198.51.100.8");
  });

  it("stops at a malformed hop instead of trusting what lies left of it", () => {
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7, not-an-ip", proxies)).toBe("10.0.0.2");
  });

  it("normalizes IPv4-mapped IPv6 peers", () => {
    expect(resolveClientAddress("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:10.0.0.3", "::ffff:198.51.100.9", proxies)).toBe("198.51.100.9");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
  });

  it("refuses a malformed LATCHKEY_TRUSTED_PROXIES with a clear error", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, nonsense")).toThrow(
      'LATCHKEY_TRUSTED_PROXIES: "nonsense" is not an IP address or CIDR range',
    );
  });
});
