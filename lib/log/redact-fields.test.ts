import { describe, expect, it } from "vitest";
import { generateSecret } from "@/lib/crypto/secret-format";
import { describeError } from "./describe-error";
import { isSecretFieldName, REDACTED, redactFields } from "./redact-fields";
import { scrubText } from "./scrub-text";

describe("isSecretFieldName", () => {
  it.each([
    "authorization",
    "Authorization",
    "proxy-authorization",
    "api-secret",
    "client_secret",
    "clientSecret",
    "password",
    "newPassword",
    "passwordHash",
    "token",
    "access_token",
    "accessTokens",
    "cookie",
    "set-cookie",
    "x-api-key",
    "secretHash",
    "privateKey",
    "encryptedPrivateKey",
  ])("treats %s as secret", (name) => {
    expect(isSecretFieldName(name)).toBe(true);
  });

  it.each([
    "clientId",
    "tokenId",
    "token_type",
    "status",
    "address",
    "path",
    "method",
    "email",
    "credential",
  ])("leaves %s readable", (name) => {
    expect(isSecretFieldName(name)).toBe(false);
  });
});

describe("scrubText", () => {
  const clientSecret = generateSecret("client_secret");
  const personalToken = generateSecret("personal_token");
  it.each([
    ["a client secret", `rotated to ${clientSecret}`, "rotated to lk_cs_[REDACTED]"],
    ["a personal token", `token ${personalToken} refused`, "token lk_pat_[REDACTED] refused"],
    [
      "a JWT after Bearer",
      "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln here",
      "Bearer [REDACTED JWT] here",
    ],
    ["a JWT", "got eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "got [REDACTED JWT]"],
    ["Basic credentials", "Basic YWxpY2U6c2VjcmV0", "Basic [REDACTED]"],
    ["a hex digest", `hash ${"ab12".repeat(16)} stored`, "hash [REDACTED DIGEST] stored"],
    [
      "a secret in a query string",
      "/api/oauth/token?client_secret=abc&x=1",
      "/api/oauth/token?client_secret=[REDACTED]&x=1",
    ],
    [
      "drizzle's failed query",
      'Failed query: select "id" from "users" where "email" = $1\nparams: dana@example.com',
      "Failed query (select users)",
    ],
    ["terminal colours", "\u001b[31m⨯\u001b[39m plain", "⨯ plain"],
  ])("scrubs %s", (_what, input, output) => {
    expect(scrubText(input)).toBe(output);
  });
});

describe("redactFields", () => {
  it("replaces secret-named values at any depth, scrubs text, and describes errors", () => {
    const headers = new Headers({
      authorization: "Bearer x",
      "api-key": "lkc_1",
      accept: "application/json",
    });
    const redacted = redactFields({
      request: { headers, body: { client_secret: "s", scope: "cases:read" } },
      note: `used ${generateSecret("legacy_key")}`,
      when: new Date("2026-01-02T03:04:05Z"),
      bytes: Buffer.from("secret"),
      err: new Error("boom"),
    }) as Record<string, unknown>;
    expect(redacted).toMatchObject({
      request: {
        headers: { authorization: REDACTED, "api-key": REDACTED, accept: "application/json" },
        body: { client_secret: REDACTED, scope: "cases:read" },
      },
      note: "used lk_legacy_[REDACTED]",
      when: "2026-01-02T03:04:05.000Z",
      bytes: "[6 bytes]",
      err: { type: "Error", message: "boom" },
    });
  });

  it("survives cycles and deep nesting", () => {
    const loop: Record<string, unknown> = { name: "a" };
    loop.self = loop;
    expect(redactFields(loop)).toEqual({ name: "a", self: "[…]" });
  });
});

describe("describeError", () => {
  const failedQuery = (cause: object) =>
    Object.assign(
      new Error('Failed query: select "x" from "api_client_secrets" where "secret_hash" = $1\nparams: 0f'),
      {
        query: 'select "x" from "api_client_secrets" where "secret_hash" = $1',
        params: ["0f".repeat(32)],
        cause,
      },
    );

  it("keeps a failed query's code and name, never its text or values", () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "lk_cs_oops"'), {
      name: "PostgresError",
      code: "22P02",
      severity: "ERROR",
      table_name: "api_client_secrets",
    });
    const description = describeError(failedQuery(cause));
    expect(description).toMatchObject({
      type: "DatabaseQueryError",
      query: "select api_client_secrets",
      code: "22P02",
      cause: { type: "PostgresError", code: "22P02", severity: "ERROR", table: "api_client_secrets" },
    });
    // The server's message can quote a value: only outages keep theirs (fixed texts).
    expect(description.cause?.message).toBeUndefined();
    expect(JSON.stringify(description)).not.toMatch(/0f0f|secret_hash|lk_cs_oops|Failed query:/);
  });

  it("keeps the fixed message of an outage", () => {
    const cause = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
      severity: "FATAL",
    });
    expect(describeError(failedQuery(cause)).cause).toMatchObject({
      code: "57P01",
      message: "terminating connection due to administrator command",
    });
  });

  it("keeps a stack's frames without its first line (which repeats the message)", () => {
    const error = new Error(`no such client for ${generateSecret("client_secret")}`);
    const description = describeError(error);
    expect(description.message).toMatch(/lk_cs_\[REDACTED\]$/);
    expect(description.stack).toMatch(/^\s+at /);
    expect(description.stack).not.toContain("no such client");
  });

  it("follows Auth.js's { err } cause", () => {
    const wrapped = Object.assign(new Error("Read more at https://errors.authjs.dev"), {
      cause: { err: new Error("inner") },
    });
    expect(describeError(wrapped).cause).toMatchObject({ type: "Error", message: "inner" });
  });
});
