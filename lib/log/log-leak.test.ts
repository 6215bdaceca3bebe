import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { apiFailureResponse } from "@/lib/api/api-failure";
import { authLogger } from "@/lib/auth/auth-logger";
import { verifyConsoleCredentials } from "@/lib/auth/verify-console-credentials";
import { generateSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import { getDb } from "@/lib/db/client";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { reportDatabaseUnavailable } from "@/lib/db/report-unavailable";
import { apiClientSecrets, users } from "@/lib/db/schema";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { createRequestListener } from "@/lib/server/request-listener";
import { captureLog } from "@/lib/testing/capture-log";
import { basicAuth } from "@/lib/testing/oauth-test-support";
import {
  basicPassword,
  bearer,
  createPersonTenant,
  PERSON_PASSWORD,
} from "@/lib/testing/person-credential-test-support";
import { BatchedWriter } from "@/lib/usage/batched-writer";
import { routeConsoleToLog } from "./console-bridge";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function startServer() {
  const server = http.createServer(
    createRequestListener({
      next: (_request, response) => {
        response.end();
      },
      trustedProxies: parseTrustedProxies(undefined),
      origin: "http://localhost",
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, init);
}

describe("the server's log", () => {
  it("holds none of the secrets that real flows created, used, mistyped or sent to a failing query", async () => {
    const log = captureLog();
    cleanups.push(log.stop);
    cleanups.push(routeConsoleToLog());
    const tenant = await createPersonTenant({ level: "legacy" });
    const email = tenant.person.email;
    const wrongSecret = generateSecret("client_secret");
    const wrongPassword = "Not-The-Password-42";
    const call = await startServer();

    // A client secret: traded for a token, sent as headers, and a wrong one.
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const issued = await call("/api/oauth/token", {
      method: "POST",
      headers: { ...form, authorization: basicAuth(tenant.client.clientId, tenant.secret) },
      body: "grant_type=client_credentials",
    });
    expect(issued.status).toBe(200);
    const accessToken = ((await issued.json()) as { access_token: string }).access_token;
    const refused = await call("/api/oauth/token", {
      method: "POST",
      headers: form,
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: tenant.client.clientId,
        client_secret: wrongSecret,
      }).toString(),
    });
    expect(refused.status).toBe(401);
    const headers = { "api-key": tenant.client.clientId, "api-secret": tenant.secret };
    expect((await call("/api/v1/cases", { headers })).status).toBe(200);
    expect((await call("/api/v1/cases", { headers: { ...headers, "api-secret": wrongSecret } })).status).toBe(
      401,
    );
    // Access token, personal token, legacy key, the password over Basic — right and wrong.
    for (const token of [accessToken, tenant.accessToken, tenant.token, tenant.legacyKey]) {
      expect((await call("/api/v1/cases", { headers: bearer(token) })).status).toBe(200);
    }
    expect((await call("/api/v1/cases", { headers: basicPassword(email) })).status).toBe(200);
    expect((await call("/api/v1/cases", { headers: basicPassword(email, wrongPassword) })).status).toBe(401);
    const introspected = await call("/api/oauth/introspect", {
      method: "POST",
      headers: { ...form, authorization: basicAuth(tenant.client.clientId, tenant.secret) },
      body: new URLSearchParams({ token: accessToken }).toString(),
    });
    expect(introspected.status).toBe(200);
    // A console sign-in with the wrong password.
    expect((await verifyConsoleCredentials(email, wrongPassword, "198.51.100.9")).ok).toBe(false);

    // A query that fails with a secret's digest and the email among its parameters…
    const db = await getDb();
    const failed: unknown = await db
      .select()
      .from(apiClientSecrets)
      .innerJoin(users, eq(users.email, email))
      .where(and(eq(apiClientSecrets.secretHash, secretHash(tenant.secret)), sql`1 / 0 = 1`))
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    // (drizzle's own message carries them: what a plain console.error would have printed)
    expect((failed as Error).message).toContain(secretHash(tenant.secret));
    // …reported through every way the server logs a failure.
    apiFailureResponse(failed, new Request("http://localhost/api/v1/cases"));
    authLogger.error(
      Object.assign(new Error("Read more at https://errors.authjs.dev#callbackrouteerror"), {
        type: "CallbackRouteError",
        cause: { err: failed },
      }),
    );
    console.error("⨯", failed);
    const writer = new BatchedWriter<string>("log-leak-test", async () => {
      throw failed;
    });
    writer.add(email);
    await writer.flush();
    reportDatabaseUnavailable(
      new DatabaseUnavailableError("57P01", "The database is unavailable", { cause: failed }),
      "test",
      Date.now() + 60_000,
    );

    const text = log.text();
    const secrets = {
      clientSecret: tenant.secret,
      wrongClientSecret: wrongSecret,
      accessToken,
      earlierAccessToken: tenant.accessToken,
      personalToken: tenant.token,
      legacyKey: tenant.legacyKey,
      password: PERSON_PASSWORD,
      wrongPassword,
      clientSecretDigest: secretHash(tenant.secret),
      wrongSecretDigest: secretHash(wrongSecret),
      personalTokenDigest: secretHash(tenant.token),
      legacyKeyDigest: secretHash(tenant.legacyKey),
      email,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(text.includes(secret), `the log contains the ${name}`).toBe(false);
    }
    // The failures were logged, each with the SQLSTATE and the query's name instead.
    const failures = log
      .entries()
      .filter((entry) => JSON.stringify(entry).includes('"22012"'))
      .map((entry) => entry.component);
    expect(failures.sort()).toEqual(["api", "auth", "batched-writer", "console", "db"]);
    expect(text).toContain('"query":"select api_client_secrets"');
  });
});
