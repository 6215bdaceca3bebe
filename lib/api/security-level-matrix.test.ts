import { describe, expect, it } from "vitest";
import { isMethodAllowed } from "@/lib/api/auth/method-catalogue";
import type { SecurityLevel } from "@/lib/db/schema";
import "@/lib/testing/test-secret-pepper";
import {
  apiGet,
  basicPassword,
  bearer,
  createPersonTenant,
} from "@/lib/testing/person-credential-test-support";

type Method = "access_token" | "personal_token" | "client_secret_headers" | "basic_password" | "legacy_key";

/** DESIGN.md, "Authentication methods by security level": true where the method works. */
const TABLE: Record<Method, Record<SecurityLevel, boolean>> = {
  access_token: { legacy: true, high: true, extra_high: true },
  personal_token: { legacy: true, high: true, extra_high: true },
  client_secret_headers: { legacy: true, high: true, extra_high: true },
  basic_password: { legacy: true, high: true, extra_high: false },
  legacy_key: { legacy: true, high: false, extra_high: false },
};

/** A refused password says no more than a wrong one (no oracle); a refused key says why. */
const REFUSALS: Partial<Record<Method, string>> = {
  basic_password: "The email or password is not valid",
  legacy_key: "This authentication method is not accepted at the organization's security level",
};

const cells = (["legacy", "high", "extra_high"] as const).flatMap((level) =>
  (Object.keys(TABLE) as Method[]).map((method) => ({ level, method, works: TABLE[method][level] })),
);

describe("authentication methods by security level", () => {
  it("is what the method catalogue declares", () => {
    for (const { level, method, works } of cells)
      expect(isMethodAllowed(level, method), `${method}@${level}`).toBe(works);
  });

  it.each(cells)("$method at $level: works=$works", async ({ level, method, works }) => {
    const tenant = await createPersonTenant({ level });
    const headers: Record<Method, Record<string, string>> = {
      access_token: bearer(tenant.accessToken),
      personal_token: bearer(tenant.token),
      client_secret_headers: { "api-key": tenant.client.clientId, "api-secret": tenant.secret },
      basic_password: basicPassword(tenant.person.email),
      legacy_key: bearer(tenant.legacyKey),
    };
    const response = await apiGet("cases?limit=1", headers[method]);
    if (works) {
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: unknown[] }).data).toBeInstanceOf(Array);
      return;
    }
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(((await response.json()) as { detail: string }).detail).toBe(REFUSALS[method]);
  });
});
