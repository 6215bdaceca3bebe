import { describe, expect, it } from "vitest";
import { normalizeAxoniusHostUrl } from "./axonius-host-url";

describe("normalizeAxoniusHostUrl", () => {
  it.each([
    ["https://your-instance.axonius.com", "https://your-instance.axonius.com"],
    ["  https://Your-Instance.Axonius.COM/  ", "https://your-instance.axonius.com"],
    ["HTTPS://axonius.example.com", "https://axonius.example.com"],
    ["https://axonius.example.com:443/", "https://axonius.example.com"],
    ["https://axonius.example.com.", "https://axonius.example.com"],
    ["https://axonius.example.com:8443", "https://axonius.example.com:8443"],
    ["http://localhost:3979/", "http://localhost:3979"],
    ["http://localhost:80", "http://localhost"],
    ["https://tools.example.com/axonius/", "https://tools.example.com/axonius"],
    ["https://tools.example.com//axonius//", "https://tools.example.com/axonius"],
    ["https://axonius.example.com/api/", "https://axonius.example.com"],
    ["https://tools.example.com/axonius/api", "https://tools.example.com/axonius"],
    ["https://tools.example.com/a/../axonius", "https://tools.example.com/axonius"],
    ["https://bücher.example/", "https://xn--bcher-kva.example"],
    ["https://[2001:DB8::1]:443/", "https://[2001:db8::1]"],
  ])("writes %j as %j", (input, hostUrl) => {
    expect(normalizeAxoniusHostUrl(input)).toEqual({ ok: true, hostUrl });
  });

  it.each([
    ["your-instance.axonius.com", "The host URL must start with https://"],
    ["", "The host URL must start with https://"],
    ["ftp://axonius.example.com", "The host URL must start with https://"],
    ["https://user:pass@axonius.example.com", "Addresses with a user name or password are not accepted"],
    [
      "https://axonius.example.com/?page=1",
      "The host URL must be the instance's base address, without ? or #",
    ],
    [
      "https://axonius.example.com/#/dashboard",
      "The host URL must be the instance's base address, without ? or #",
    ],
    ["https://axo nius.example.com", "The host URL is not a valid URL"],
  ])("refuses %j: %s", (input, message) => {
    expect(normalizeAxoniusHostUrl(input)).toEqual({ ok: false, message });
  });
});
