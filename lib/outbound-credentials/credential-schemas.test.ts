import { describe, expect, it } from "vitest";
import { apiKeyHint, formatApiKeyHint } from "./api-key-hint";
import {
  createOutboundCredentialSchema,
  outboundCredentialSchemas,
  replaceCredentialSecretSchema,
  SECRET_REPLACEMENT_REQUIRED,
  updateOutboundCredentialSchema,
} from "./credential-schemas";
import {
  HOST_URL_INVALID,
  HOST_URL_MUST_BE_HTTPS,
  HOST_URL_NEEDS_HOST,
  HOST_URL_NO_QUERY,
  HOST_URL_NO_USERINFO,
} from "./host-url";

const VALID = {
  name: "Production Axonius",
  hostUrl: "https://your-instance.axonius.com",
  apiKey: "0123456789abcdef",
  clientSecret: "fedcba9876543210",
};

function errorsOf(
  input: unknown,
  schema: {
    safeParse: (value: unknown) => {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  } = createOutboundCredentialSchema,
) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  // The first message of each field, as the console shows it (fieldErrorsOf).
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("the host URL", () => {
  it.each([
    ["https://your-instance.axonius.com", "https://your-instance.axonius.com"],
    ["  HTTPS://Axonius.YourDomain.com/  ", "https://axonius.yourdomain.com"],
    ["https://axonius.example.com:443/", "https://axonius.example.com"],
    ["https://axonius.example.com:8443/base//", "https://axonius.example.com:8443/base"],
    ["https://bücher.example", "https://xn--bcher-kva.example"],
    // Literal and odd addresses are normalized here and refused on the network by the outbound client's checks.
    ["https://2130706433", "https://127.0.0.1"],
    ["https://[::1]:8443", "https://[::1]:8443"],
  ])("keeps %s as %s", (input, stored) => {
    const parsed = createOutboundCredentialSchema.parse({ ...VALID, hostUrl: input });
    expect(parsed.hostUrl).toBe(stored);
  });

  it.each([
    ["your-instance.axonius.com", HOST_URL_MUST_BE_HTTPS],
    ["http://169.254.169.254/", HOST_URL_MUST_BE_HTTPS],
    ["http://axonius.example.com", HOST_URL_MUST_BE_HTTPS],
    ["file:///etc/passwd", HOST_URL_MUST_BE_HTTPS],
    ["gopher://axonius.example.com:70/", HOST_URL_MUST_BE_HTTPS],
    ["ftp://axonius.example.com", HOST_URL_MUST_BE_HTTPS],
    ["https:axonius.example.com", HOST_URL_MUST_BE_HTTPS],
    ["javascript:alert(1)", HOST_URL_MUST_BE_HTTPS],
    ["https://", HOST_URL_NEEDS_HOST],
    ["https://user:pass@axonius.example.com", HOST_URL_NO_USERINFO],
    ["https://@axonius.example.com", HOST_URL_NO_USERINFO],
    ["https://axonius.example.com/?next=/", HOST_URL_NO_QUERY],
    ["https://axonius.example.com#top", HOST_URL_NO_QUERY],
    ["https://axonius.example.com:99999", HOST_URL_INVALID],
    ["https://axon ius.example.com", "The host URL must not contain spaces or control characters"],
    ["https://axonius.example.com\u0000", "The host URL must not contain spaces or control characters"],
    ["   ", "Axonius Host URL is required"],
    [`https://a.example/${"x".repeat(2048)}`, "The host URL must be 2,048 characters or fewer"],
  ])("refuses %s: %s", (hostUrl, message) => {
    expect(errorsOf({ ...VALID, hostUrl })).toEqual({ hostUrl: message });
  });

  it("admits plain http only for the URLs the rules allow", () => {
    const rules = { allowsPlainHttp: (url: URL) => url.host === "127.0.0.1:3979" };
    const schemas = outboundCredentialSchemas(rules);
    expect(schemas.create.parse({ ...VALID, hostUrl: "http://127.0.0.1:3979/" }).hostUrl).toBe(
      "http://127.0.0.1:3979",
    );
    expect(errorsOf({ ...VALID, hostUrl: "http://127.0.0.1:3980" }, schemas.create)).toEqual({
      hostUrl: HOST_URL_MUST_BE_HTTPS,
    });
    expect(errorsOf({ ...VALID, hostUrl: "http://user:pw@127.0.0.1:3979" }, schemas.create)).toEqual({
      hostUrl: HOST_URL_NO_USERINFO,
    });
  });
});

describe("the credential form", () => {
  it("normalizes the name and description and trims the secrets", () => {
    expect(
      createOutboundCredentialSchema.parse({
        ...VALID,
        name: "  Cafe\u0301 Axonius ",
        description: "  Nightly device import  ",
        apiKey: " 0123456789abcdef\n",
      }),
    ).toEqual({
      connector: "axonius",
      name: "Café Axonius",
      description: "Nightly device import",
      hostUrl: "https://your-instance.axonius.com",
      apiKey: "0123456789abcdef",
      clientSecret: "fedcba9876543210",
    });
  });

  it.each([
    [{ name: "" }, { name: "Credential Name is required" }],
    [
      { name: "Axo\u200bnius" },
      { name: "Credential Name must not contain invisible characters such as zero-width spaces" },
    ],
    [{ name: "Axonius\u0007" }, { name: "Credential Name must not contain control characters" }],
    [{ name: "x".repeat(101) }, { name: "Credential Name must be 100 characters or fewer" }],
    [
      { description: "x".repeat(501) },
      { description: "Credential Description must be 500 characters or fewer" },
    ],
    [{ apiKey: "" }, { apiKey: "Axonius API Key is required" }],
    [
      { apiKey: "abc def" },
      { apiKey: "Axonius API Key may contain only letters, digits and punctuation, without spaces" },
    ],
    [
      { clientSecret: "sécret" },
      {
        clientSecret:
          "Axonius Client Secret may contain only letters, digits and punctuation, without spaces",
      },
    ],
    [
      { clientSecret: "x".repeat(1025) },
      { clientSecret: "Axonius Client Secret must be 1,024 characters or fewer" },
    ],
    [{ connector: "salesforce" }, { connector: "Choose a connector" }],
  ])("refuses %j with a message for its field", (change, errors) => {
    expect(errorsOf({ ...VALID, ...change })).toEqual(errors);
  });

  it("never repeats a secret in an error", () => {
    const result = createOutboundCredentialSchema.safeParse({ ...VALID, apiKey: "secret value with spaces" });
    expect(JSON.stringify(result.error?.issues)).not.toContain("secret value");
  });

  it("edits name, description and host only: secrets cannot ride along", () => {
    const id = "0f8c2c62-9c4d-4c0a-9d7e-3a4c1e2b5f60";
    expect(updateOutboundCredentialSchema.parse({ credentialId: id, name: " New name " })).toEqual({
      credentialId: id,
      name: "New name",
    });
    const withSecret = updateOutboundCredentialSchema.safeParse({ credentialId: id, apiKey: "x" });
    expect(withSecret.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["apiKey"] });
    expect(errorsOf({ credentialId: "not-an-id" }, updateOutboundCredentialSchema)).toEqual({
      credentialId: "That credential does not exist in your organization.",
    });
  });

  it("replaces the key, the secret or both, and asks for at least one", () => {
    const id = "0f8c2c62-9c4d-4c0a-9d7e-3a4c1e2b5f60";
    expect(
      replaceCredentialSecretSchema.parse({ credentialId: id, apiKey: " new-key ", clientSecret: "" }),
    ).toEqual({
      credentialId: id,
      apiKey: "new-key",
      clientSecret: undefined,
    });
    expect(
      errorsOf({ credentialId: id, apiKey: "  ", clientSecret: "" }, replaceCredentialSecretSchema),
    ).toEqual({
      apiKey: SECRET_REPLACEMENT_REQUIRED,
    });
    expect(errorsOf({ credentialId: id, clientSecret: "has space" }, replaceCredentialSecretSchema)).toEqual({
      clientSecret: "Axonius Client Secret may contain only letters, digits and punctuation, without spaces",
    });
  });
});

describe("the API key hint", () => {
  it.each([
    ["0123456789abcdef", "0123", "cdef"],
    ["0123456789ab", "0123", "89ab"],
    ["0123456789a", "01", "9a"],
    ["01234567", "01", "67"],
    ["0123456", "", ""],
  ])("of %s shows %s…%s", (key, start, end) => {
    expect(apiKeyHint(key)).toEqual({ start, end });
  });

  it("formats as lists show it", () => {
    expect(formatApiKeyHint({ apiKeyStart: "0123", apiKeyEnd: "cdef" })).toBe("0123…cdef");
    expect(formatApiKeyHint({ apiKeyStart: "", apiKeyEnd: "" })).toBe("••••");
  });
});
