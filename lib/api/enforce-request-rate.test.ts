import { describe, expect, it } from "vitest";
import { setClientRequestRateSchema } from "@/lib/clients/client-request-rate-schema";
import { setClientRequestRate } from "@/lib/clients/set-client-request-rate";
import { getDb } from "@/lib/db/client";
import { DEFAULT_REQUESTS_PER_MINUTE, defaultRequestsPerMinute } from "@/lib/limits/limit-catalogue";
import { auditEventsOf } from "@/lib/testing/client-test-support";
import { apiGet, bearer, createPersonTenant } from "@/lib/testing/person-credential-test-support";

describe("the /api/v1 request rate", () => {
  it("tells the caller its policy and what remains, and answers 429 beyond its client's own limit", async () => {
    const tenant = await createPersonTenant();
    await setClientRequestRate(await getDb(), tenant.organizationId, tenant.actor.audit, {
      clientId: tenant.client.clientId,
      requestsPerMinute: 3,
    });
    const headers = { "api-key": tenant.client.clientId, "api-secret": tenant.secret };
    for (let call = 1; call <= 3; call += 1) {
      const response = await apiGet("cases", headers);
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-policy")).toBe('"default";q=3;w=60');
      expect(response.headers.get("ratelimit")).toMatch(new RegExp(`^"default";r=${3 - call};t=\\d+$`));
    }
    // Access tokens of the same client count against the same limit.
    const limited = await apiGet("cases", bearer(tenant.accessToken));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit")).toMatch(/^"default";r=0;t=\d+$/);
    expect(await limited.json()).toMatchObject({ status: 429, limit: 3 });
    // A person's own credentials are counted apart from the client.
    expect((await apiGet("cases", bearer(tenant.token))).status).toBe(200);
  });

  it("uses the installation default when the client has none", async () => {
    const tenant = await createPersonTenant();
    const response = await apiGet("cases", bearer(tenant.accessToken));
    expect(response.headers.get("ratelimit-policy")).toBe(`"default";q=${defaultRequestsPerMinute()};w=60`);
  });

  it("reads LATCHKEY_API_REQUESTS_PER_MINUTE, ignoring a value that is not a whole number in range", () => {
    expect(defaultRequestsPerMinute({ LATCHKEY_API_REQUESTS_PER_MINUTE: "90" })).toBe(90);
    expect(defaultRequestsPerMinute({ LATCHKEY_API_REQUESTS_PER_MINUTE: "0" })).toBe(
      DEFAULT_REQUESTS_PER_MINUTE,
    );
    expect(defaultRequestsPerMinute({ LATCHKEY_API_REQUESTS_PER_MINUTE: "ten" })).toBe(
      DEFAULT_REQUESTS_PER_MINUTE,
    );
  });
});

describe("a client's request rate setting", () => {
  it.each([["0"], ["-5"], ["1.5"], ["many"], ["1000001"]])("refuses %s with a field error", (value) => {
    const parsed = setClientRequestRateSchema.safeParse({
      clientId: `lkc_${"A".repeat(24)}`,
      requestsPerMinute: value,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["requestsPerMinute"]);
    expect(parsed.error?.issues[0]?.message).toMatch(/^Enter a whole number of requests per minute/);
  });

  it("is audited from/to, and cleared back to the default with an empty value", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    const set = await setClientRequestRate(db, tenant.organizationId, tenant.actor.audit, {
      clientId: tenant.client.clientId,
      requestsPerMinute: "120",
    });
    expect(set?.requestsPerMinute).toBe(120);
    const cleared = await setClientRequestRate(db, tenant.organizationId, tenant.actor.audit, {
      clientId: tenant.client.clientId,
      requestsPerMinute: "",
    });
    expect(cleared?.requestsPerMinute).toBeNull();
    const changes = (await auditEventsOf(tenant.organizationId)).filter(
      (event) => event.action === "api_client.request_rate_changed",
    );
    expect(changes).toHaveLength(2);
    expect(changes.map((event) => event.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: null, to: 120 }),
        expect.objectContaining({ from: 120, to: null }),
      ]),
    );
  });

  it("cannot touch another organization's client", async () => {
    const mine = await createPersonTenant();
    const theirs = await createPersonTenant();
    const result = await setClientRequestRate(await getDb(), mine.organizationId, mine.actor.audit, {
      clientId: theirs.client.clientId,
      requestsPerMinute: 1,
    });
    expect(result).toBeNull();
    expect((await apiGet("cases", bearer(theirs.accessToken))).headers.get("ratelimit-policy")).toBe(
      `"default";q=${defaultRequestsPerMinute()};w=60`,
    );
  });
});
