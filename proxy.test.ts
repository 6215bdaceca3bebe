import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "./proxy";

afterEach(() => {
  vi.unstubAllEnvs();
});

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("proxy", () => {
  it("puts one fresh nonce on the policy Next renders with and on the response", () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    const first = proxy(new NextRequest("http://localhost:3000/admin"));
    const second = proxy(new NextRequest("http://localhost:3000/admin"));
    const sent = first.headers.get("content-security-policy");
    // Next hands the overridden request headers to the page as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(sent);
    expect(nonceOf(sent)).toBeTruthy();
    expect(nonceOf(sent)).not.toBe(nonceOf(second.headers.get("content-security-policy")));
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS when the console's URL is https, or the request came over TLS", () => {
    vi.stubEnv("AUTH_URL", "https://console.example.com");
    expect(
      proxy(new NextRequest("http://localhost:3000/")).headers.get("strict-transport-security"),
    ).toContain("max-age=");
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    expect(
      proxy(new NextRequest("https://localhost:3000/")).headers.get("strict-transport-security"),
    ).toContain("max-age=");
  });

  it("never answers in place of the page: it only passes the request on", () => {
    const response = proxy(new NextRequest("http://localhost:3000/admin/users"));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.status).toBe(200);
  });
});
