import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/oauth/token/route";
import * as apiRoute from "@/app/api/v1/[...path]/route";
import { getDb } from "@/lib/db/client";
import { organizations } from "@/lib/db/schema";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_PROOF_HEADER } from "@/lib/net/client-address";
import { serverClientAddressProof } from "@/lib/net/trusted-client-address";
import { ADDRESS_NOT_ALLOWED } from "@/lib/oauth/client-access-policy";
import { basicAuth, createTenantWithClient, formRequest } from "@/lib/testing/oauth-test-support";
import { sendWebResponse, toWebRequest } from "./node-bridge";
import { createRequestListener } from "./request-listener";

const ORIGIN = "http://localhost";
const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A client that may call only from 127.0.0.1, in an organization that restricts by address. */
async function loopbackOnlyClient() {
  const tenant = await createTenantWithClient(["cases:read"], { allowedIps: ["127.0.0.1"] });
  const db = await getDb();
  await db
    .update(organizations)
    .set({ restrictApiByIp: true })
    .where(eq(organizations.id, tenant.organizationId));
  return tenant;
}

/** Latchkey's listener in front of "Next", where Next is the token route adapter itself. */
async function startServerWithTokenAdapter() {
  const server = http.createServer(
    createRequestListener({
      trustedProxies: [],
      origin: ORIGIN,
      next: async (request, response) => {
        const webResponse = await tokenRoute.POST(toWebRequest(request, ORIGIN));
        await sendWebResponse(webResponse, response, request.method ?? "POST");
      },
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const forged = {
  [CLIENT_ADDRESS_HEADER]: "127.0.0.1",
  [CLIENT_ADDRESS_PROOF_HEADER]: "a-guess-at-the-proof-aaaaaaaaaaaaaaaaaaaaaa",
};

describe("the client address under Next", () => {
  it("is believed when Latchkey's server set it: the loopback-only client gets a token", async () => {
    const { client, secret } = await loopbackOnlyClient();
    const base = await startServerWithTokenAdapter();
    // The route adapter is not on the server's direct list here, so the request crosses
    // into "Next" with the headers the listener set; a client-sent proof is replaced.
    const response = await fetch(`${base}/api/through-next/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: basicAuth(client.clientId, secret),
        ...forged,
        [CLIENT_ADDRESS_HEADER]: "203.0.113.50",
      },
      body: "grant_type=client_credentials",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: "Bearer" });
  });

  it("is not believed from a client under plain `next start`: the token endpoint refuses", async () => {
    const { client, secret } = await loopbackOnlyClient();
    serverClientAddressProof(); // a server in this process made a proof; the guess is not it
    const response = await tokenRoute.POST(
      formRequest(
        "/api/oauth/token",
        { grant_type: "client_credentials" },
        { authorization: basicAuth(client.clientId, secret), ...forged, "x-forwarded-for": "127.0.0.1" },
      ),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "unauthorized_client",
      error_description: ADDRESS_NOT_ALLOWED,
    });
  });

  it("is not believed from a client under plain `next start`: the resource API refuses", async () => {
    const { client, secret } = await loopbackOnlyClient();
    const request = new Request("http://localhost:3000/api/v1/cases", {
      headers: { "api-key": client.clientId, "api-secret": secret, [CLIENT_ADDRESS_HEADER]: "127.0.0.1" },
    });
    const response = await apiRoute.GET(request, { params: Promise.resolve({ path: ["cases"] }) });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ detail: ADDRESS_NOT_ALLOWED });
  });
});
