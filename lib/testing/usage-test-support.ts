import { and, eq } from "drizzle-orm";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { getDb } from "@/lib/db/client";
import { usageRollups } from "@/lib/db/schema";
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";
import { basicAuth, formRequest, TEST_IP } from "@/lib/testing/oauth-test-support";
import type { UsageSubjectKind } from "@/lib/usage/usage-subject";

/** Helpers shared by the usage tests (not a test itself). */

/** A subject's rollup rows of one granularity, as "endpoint outcome scope" → count, summed over buckets. */
export async function rollupCounts(
  organizationId: string,
  subject: { kind: UsageSubjectKind; id: string },
  granularity: "hour" | "day",
): Promise<Record<string, number>> {
  const rows = await (await getDb())
    .select()
    .from(usageRollups)
    .where(
      and(
        eq(usageRollups.organizationId, organizationId),
        eq(usageRollups.subjectKind, subject.kind),
        eq(usageRollups.subjectId, subject.id),
        eq(usageRollups.granularity, granularity),
      ),
    );
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const key = `${row.endpoint} ${row.outcome} ${row.scope}`.trim();
    counts[key] = (counts[key] ?? 0) + row.count;
  }
  return counts;
}

/** A /api/v1 request through the real handler, as the server makes it. */
export function apiCall(
  path: string,
  headers: Record<string, string>,
  options: { method?: string; ip?: string; body?: unknown } = {},
): Promise<Response> {
  const method = options.method ?? "GET";
  const request = new Request(`http://localhost:3000/api/v1/${path}`, {
    method,
    headers: {
      "user-agent": "usage-test/1.0",
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handleApiRequest(request, options.ip ?? TEST_IP, new URL(request.url).pathname.split("/").slice(3));
}

/** A token request with client_secret_basic through the real token endpoint. */
export function tokenCall(
  clientId: string,
  secret: string,
  options: { ip?: string; scope?: string } = {},
): Promise<Response> {
  return handleTokenRequest(
    formRequest(
      "/api/oauth/token",
      { grant_type: "client_credentials", ...(options.scope ? { scope: options.scope } : {}) },
      { authorization: basicAuth(clientId, secret), "user-agent": "usage-test/1.0" },
    ),
    options.ip ?? TEST_IP,
  );
}

/** The access token a 200 answer of the token endpoint carries. */
export async function accessTokenOf(response: Response): Promise<string> {
  if (response.status !== 200) throw new Error(`the token endpoint answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A secret of the same shape as `secret` that is not it (its checksum is then wrong: refused without a look-up). */
export function wrongSecretLike(secret: string): string {
  return `${secret.slice(0, -2)}${secret.endsWith("zz") ? "yy" : "zz"}`;
}
