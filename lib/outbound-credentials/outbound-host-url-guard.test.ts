import { afterEach, describe, expect, it } from "vitest";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { outboundResources, tableResolver } from "@/lib/testing/outbound-test-support";
import { outboundCredentialSchemas } from "./credential-schemas";
import { HOST_URL_MUST_BE_HTTPS } from "./host-url";
import { createHostUrlGuard, outboundHostUrlGuard } from "./outbound-host-url-guard";

const resources = outboundResources();
afterEach(() => resources.cleanup());

function guardFor(allowHostsText: string, names: Record<string, string[]> = {}) {
  const allowHosts = parseAllowHosts(allowHostsText);
  const client = resources.client({ allowHosts, resolveHost: tableResolver(names) });
  return createHostUrlGuard({ checkUrl: client.checkUrl, allowHosts });
}

/** What the console's create schema says about the host URL under this guard (undefined: accepted). */
function hostUrlError(guard: ReturnType<typeof guardFor>, hostUrl: string) {
  const parsed = outboundCredentialSchemas(guard).create.safeParse({
    name: "Axonius",
    hostUrl,
    apiKey: "key",
    clientSecret: "secret",
  });
  return parsed.success
    ? undefined
    : parsed.error.issues.find((issue) => issue.path[0] === "hostUrl")?.message;
}

describe("the credential actions' host URL guard", () => {
  it("admits plain http only for a host:port listed in the allow-list, compared literally", () => {
    const guard = guardFor("localhost:3979");
    expect(hostUrlError(guard, "http://localhost:3979")).toBeUndefined();
    expect(hostUrlError(guard, "http://localhost:3980")).toBe(HOST_URL_MUST_BE_HTTPS);
    expect(hostUrlError(guard, "http://127.0.0.1:3979")).toBe(HOST_URL_MUST_BE_HTTPS);
    expect(hostUrlError(guard, "http://axonius.example.com")).toBe(HOST_URL_MUST_BE_HTTPS);
    expect(hostUrlError(guardFor(""), "http://localhost:3979")).toBe(HOST_URL_MUST_BE_HTTPS);
    // https needs no listing to pass the text check; the network check decides.
    expect(hostUrlError(guardFor(""), "https://axonius.example.com")).toBeUndefined();
  });

  it("answers null for a host the outbound client may call, and its reason otherwise", async () => {
    const guard = guardFor("localhost:3979", {
      "axonius.example.com": ["93.184.216.34"],
      "internal.example.com": ["10.1.2.3"],
    });
    await expect(guard.checkHostUrl("https://axonius.example.com")).resolves.toBeNull();
    await expect(guard.checkHostUrl("http://localhost:3979")).resolves.toBeNull();
    await expect(guard.checkHostUrl("https://10.0.0.5")).resolves.toBe(
      "The host is a private address (10.0.0.5), which Latchkey does not call",
    );
    await expect(guard.checkHostUrl("https://internal.example.com")).resolves.toMatch(
      /private address \(10\.1\.2\.3\)/,
    );
    await expect(guard.checkHostUrl("https://localhost:5432")).resolves.toMatch(/localhost/);
    await expect(guard.checkHostUrl("https://nowhere.example.com")).resolves.toMatch(/nowhere\.example\.com/);
  });

  it("is built from LATCHKEY_OUTBOUND_ALLOW_HOSTS and the process's guarded client", async () => {
    const listed = outboundHostUrlGuard({
      LATCHKEY_OUTBOUND_ALLOW_HOSTS: "localhost:3979,axonius.corp:8080",
    });
    expect(listed.allowsPlainHttp?.(new URL("http://localhost:3979"))).toBe(true);
    expect(listed.allowsPlainHttp?.(new URL("http://axonius.corp:8080/base"))).toBe(true);
    expect(listed.allowsPlainHttp?.(new URL("http://axonius.corp"))).toBe(false);
    expect(listed.allowsPlainHttp?.(new URL("http://localhost:3978"))).toBe(false);
    const unlisted = outboundHostUrlGuard({});
    expect(unlisted.allowsPlainHttp?.(new URL("http://localhost:3979"))).toBe(false);
    // An address literal is refused before any name is resolved.
    await expect(unlisted.checkHostUrl("https://10.0.0.5")).resolves.toBe(
      "The host is a private address (10.0.0.5), which Latchkey does not call",
    );
    await expect(unlisted.checkHostUrl("https://[::ffff:127.0.0.1]")).resolves.toMatch(/loopback/);
  });

  it("refuses a malformed allow-list instead of guessing", () => {
    expect(() => outboundHostUrlGuard({ LATCHKEY_OUTBOUND_ALLOW_HOSTS: "http://localhost:3979" })).toThrow(
      /LATCHKEY_OUTBOUND_ALLOW_HOSTS/,
    );
  });
});
