import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { OAuthError, oauthFailureResponse } from "./oauth-error";

const lostConnection = () =>
  Object.assign(new Error("Failed query: select …"), {
    query: 'select "id" from "api_clients"',
    params: [],
    cause: Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), { code: "CONNECTION_CLOSED" }),
  });

describe("oauthFailureResponse (the OAuth endpoints' one catch)", () => {
  it("answers an OAuthError as RFC 6749 says", async () => {
    const response = oauthFailureResponse(
      new OAuthError("invalid_client", "Client authentication failed", 401),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: "invalid_client",
      error_description: "Client authentication failed",
    });
  });

  it.each([
    ["a cut connection", lostConnection()],
    ["a query past its deadline", new DatabaseUnavailableError("QUERY_DEADLINE")],
  ])(
    "answers %s 503 temporarily_unavailable with Retry-After, never invalid_client",
    async (_case, error) => {
      const response = oauthFailureResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("2");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toMatchObject({ error: "temporarily_unavailable" });
    },
  );

  it("lets anything else (a bug) propagate", () => {
    const bug = new TypeError("undefined is not a function");
    expect(() => oauthFailureResponse(bug)).toThrow(bug);
  });
});
