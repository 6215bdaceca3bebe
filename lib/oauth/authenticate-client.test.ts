import { describe, expect, it } from "vitest";
import { formDecode } from "./authenticate-client";
import { OAuthError } from "./oauth-error";

describe("client credentials in HTTP Basic (RFC 6749 §2.3.1, Appendix B)", () => {
  it.each([
    // Appendix B's example: the value `" %&+£€` encodes as %22+%25%26%2B%C2%A3%E2%82%AC.
    ["%22+%25%26%2B%C2%A3%E2%82%AC", '" %&+£€'],
    ["s6BhdRkqt3", "s6BhdRkqt3"],
    ["7Fjfp0ZBr1KtDRbnfVdmIw", "7Fjfp0ZBr1KtDRbnfVdmIw"],
    ["a%3Ab", "a:b"],
    ["plus+means+space", "plus means space"],
  ])("decodes %s", (encoded, decoded) => {
    expect(formDecode(encoded)).toBe(decoded);
  });

  it("refuses a malformed percent-encoding as invalid_request", () => {
    expect(() => formDecode("%E2%82")).toThrow(OAuthError);
    let caught: unknown;
    try {
      formDecode("%zz");
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ error: "invalid_request", status: 400 });
  });
});
