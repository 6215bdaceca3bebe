import { describe, expect, it } from "vitest";
import {
  checkEndpointUrlText,
  ENDPOINT_URL_INVALID,
  ENDPOINT_URL_MUST_BE_HTTPS,
  ENDPOINT_URL_NO_FRAGMENT,
  ENDPOINT_URL_NO_USERINFO,
  ENDPOINT_URL_REQUIRED,
} from "./webhook-url";

const listed = { allowsPlainHttp: (url: URL) => url.host === "localhost:3990" };

describe("the endpoint URL's text", () => {
  it.each([
    ["https://hooks.example.com", "https://hooks.example.com/"],
    [
      "  https://Hooks.Example.com/in/latchkey?team=ops&x=1  ",
      "https://hooks.example.com/in/latchkey?team=ops&x=1",
    ],
    ["https://hooks.example.com:8443/in", "https://hooks.example.com:8443/in"],
    ["http://localhost:3990/hooks", "http://localhost:3990/hooks"],
  ])("accepts %s as %s", (input, normalized) => {
    expect(checkEndpointUrlText(input, listed)).toEqual({ ok: true, url: normalized });
  });

  it.each([
    ["", ENDPOINT_URL_REQUIRED],
    ["hooks.example.com/in", ENDPOINT_URL_MUST_BE_HTTPS],
    ["ftp://hooks.example.com/", ENDPOINT_URL_MUST_BE_HTTPS],
    ["http://hooks.example.com/in", ENDPOINT_URL_MUST_BE_HTTPS],
    ["http://localhost:3991/hooks", ENDPOINT_URL_MUST_BE_HTTPS],
    ["https://", ENDPOINT_URL_INVALID],
    ["https://user:pass@hooks.example.com/", ENDPOINT_URL_NO_USERINFO],
    ["https://hooks.example.com/in#part", ENDPOINT_URL_NO_FRAGMENT],
    ["https://hooks.example.com/a b", "The endpoint URL must not contain spaces or control characters"],
    [`https://hooks.example.com/${"a".repeat(2048)}`, "The endpoint URL must be 2,048 characters or fewer"],
  ])("refuses %j: %s", (input, message) => {
    expect(checkEndpointUrlText(input, listed)).toEqual({ ok: false, message });
  });
});
