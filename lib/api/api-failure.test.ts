import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { captureLog } from "@/lib/testing/capture-log";
import { apiFailureResponse } from "./api-failure";
import { notFoundProblem } from "./api-problem";

const request = new Request("http://localhost/api/v1/cases?limit=5");

describe("apiFailureResponse (the resource APIs' answer to what was thrown)", () => {
  it("answers a problem raised on purpose with that problem", async () => {
    const response = apiFailureResponse(notFoundProblem("case"), request);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404, detail: "No case with this ID exists." });
  });

  it("answers database trouble 503 problem+json with Retry-After", async () => {
    const response = apiFailureResponse(
      Object.assign(new Error("Failed query"), {
        query: "select",
        params: [],
        cause: new DatabaseUnavailableError("57P01"),
      }),
      request,
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("2");
    expect(await response.json()).toMatchObject({
      type: "about:blank",
      title: "Service Unavailable",
      status: 503,
    });
  });

  it("answers anything else 500, and logs it with the method and path (not the query string)", async () => {
    const log = captureLog();
    try {
      const response = apiFailureResponse(new TypeError("boom"), request);
      expect(response.status).toBe(500);
      expect(log.entries()).toContainEqual(
        expect.objectContaining({
          level: "error",
          component: "api",
          method: "GET",
          path: "/api/v1/cases",
          err: expect.objectContaining({ type: "TypeError", message: "boom" }),
        }),
      );
    } finally {
      log.stop();
    }
  });
});
