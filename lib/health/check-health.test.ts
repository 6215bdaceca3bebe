import { describe, expect, it } from "vitest";
import { checkHealth } from "./check-health";

describe("checkHealth", () => {
  it("answers 200 with every migration applied", async () => {
    const response = await checkHealth();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as {
      status: string;
      migrations: { applied: number; expected: number };
    };
    expect(body.status).toBe("ok");
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThan(0);
  });
});
