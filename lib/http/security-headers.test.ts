import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  isServedOverHttps,
  newNonce,
  pageSecurityHeaders,
  STRICT_TRANSPORT_SECURITY,
} from "./security-headers";

const directivesOf = (policy: string) =>
  Object.fromEntries(
    policy.split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name, values];
    }),
  );

describe("the console's content security policy", () => {
  it("lets scripts run only with the request's nonce, and no page frame the console", () => {
    const policy = directivesOf(
      contentSecurityPolicy({ nonce: "abc123==", development: false, https: false }),
    );
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'none'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
    expect(policy).not.toHaveProperty("upgrade-insecure-requests");
    expect(JSON.stringify(policy)).not.toContain("unsafe");
  });

  it("adds eval and inline styles only in development, and upgrades requests only over https", () => {
    const development = directivesOf(contentSecurityPolicy({ nonce: "n", development: true, https: false }));
    expect(development["script-src"]).toContain("'unsafe-eval'");
    expect(development["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    const overHttps = directivesOf(contentSecurityPolicy({ nonce: "n", development: false, https: true }));
    expect(overHttps).toHaveProperty("upgrade-insecure-requests");
  });

  it("sends HSTS only over https", () => {
    expect(pageSecurityHeaders({ nonce: "n", development: false, https: true })).toMatchObject({
      "strict-transport-security": STRICT_TRANSPORT_SECURITY,
    });
    expect(pageSecurityHeaders({ nonce: "n", development: false, https: false })).not.toHaveProperty(
      "strict-transport-security",
    );
  });

  it.each([
    ["https://console.example.com", "http:", true],
    [undefined, "https:", true],
    ["http://localhost:3000", "http:", false],
    [undefined, "http:", false],
  ])("treats AUTH_URL %s with a request over %s as https: %s", (url, protocol, expected) => {
    expect(isServedOverHttps(url, protocol)).toBe(expected);
  });

  it("makes a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
