import { describe, expect, it } from "vitest";
import { isAllowListed, parseAllowHosts } from "./allow-hosts";

describe("LATCHKEY_OUTBOUND_ALLOW_HOSTS", () => {
  it("is empty when unset or blank", () => {
    expect([...parseAllowHosts(undefined).entries]).toEqual([]);
    expect([...parseAllowHosts(" , ").entries]).toEqual([]);
  });

  it("keeps each host:port in the URL parser's normal form", () => {
    const allow = parseAllowHosts(" LocalHost:3979 ,[0:0::1]:8443,127.1:80, axonius.corp:443");
    expect([...allow.entries]).toEqual(["localhost:3979", "[::1]:8443", "127.0.0.1:80", "axonius.corp:443"]);
  });

  it.each([
    ["localhost", "must be host:port with a port from 1 to 65535, e.g. localhost:3979"],
    ["localhost:", "must be host:port with a port from 1 to 65535, e.g. localhost:3979"],
    ["localhost:0", "must be host:port with a port from 1 to 65535, e.g. localhost:3979"],
    ["localhost:65536", "must be host:port with a port from 1 to 65535, e.g. localhost:3979"],
    ["localhost:08080", "must be host:port with a port from 1 to 65535, e.g. localhost:3979"],
    [":3979", "must be host:port with a port from 1 to 65535, e.g. localhost:3979"],
    ["http://localhost:3979", "must be only host:port, without scheme, user or path"],
    ["localhost:3979/api", "must be only host:port, without scheme, user or path"],
    ["user@localhost:3979", "must be only host:port, without scheme, user or path"],
    ["local host:3979", "must be only host:port, without scheme, user or path"],
    ["::1:3979", "is not a host name or IP address with a port"],
    ["exa%mple:3979", "is not a host name or IP address with a port"],
  ])("refuses %j with a clear error", (entry, why) => {
    expect(() => parseAllowHosts(`localhost:1,${entry}`)).toThrow(
      `LATCHKEY_OUTBOUND_ALLOW_HOSTS: "${entry}" ${why}`,
    );
  });

  it("matches the URL's literal host and its port, the scheme's port when the URL has none", () => {
    const allow = parseAllowHosts("localhost:3979,axonius.corp:443,[::1]:8443");
    expect(isAllowListed(allow, "http:", "localhost", "3979")).toBe(true);
    expect(isAllowListed(allow, "http:", "localhost", "3980")).toBe(false);
    expect(isAllowListed(allow, "http:", "localhost", "")).toBe(false);
    expect(isAllowListed(allow, "http:", "127.0.0.1", "3979")).toBe(false);
    expect(isAllowListed(allow, "https:", "axonius.corp", "")).toBe(true);
    expect(isAllowListed(allow, "http:", "axonius.corp", "")).toBe(false);
    expect(isAllowListed(allow, "https:", "[::1]", "8443")).toBe(true);
    expect(isAllowListed(allow, "https:", "sub.axonius.corp", "")).toBe(false);
  });
});
