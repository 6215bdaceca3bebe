/**
 * The token service end to end: a client made in the console trades its secret for a token
 * over HTTP and reads data with it, within its grant; disabling the client ends the token.
 */
import { createClientThroughForm, openClient, uniqueClientName } from "./api-client-steps";
import { expect, test } from "./fixtures";

test("a console-made client gets a token, reads cases, cannot write, and is cut off when disabled", async ({
  adminPage: page,
}, testInfo) => {
  const name = uniqueClientName(testInfo, "Token e2e");
  const shown = await createClientThroughForm(page, name, ["Cases Read"]);
  expect(shown.secret).toMatch(/^lk_cs_[0-9A-Za-z]+$/);

  const api = page.request;
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(shown.clientId)}:${encodeURIComponent(shown.secret)}`).toString("base64")}`;
  const tokenResponse = await api.post("/api/oauth/token", {
    headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
    data: "grant_type=client_credentials",
  });
  expect(tokenResponse.status()).toBe(200);
  expect(tokenResponse.headers()["cache-control"]).toBe("no-store");
  const token = (await tokenResponse.json()) as { access_token: string; scope: string; token_type: string };
  expect(token).toMatchObject({ token_type: "Bearer", scope: "cases:read" });

  const bearer = { authorization: `Bearer ${token.access_token}` };
  const read = await api.get("/api/v1/cases?limit=5", { headers: bearer });
  expect(read.status()).toBe(200);
  const page1 = (await read.json()) as { data: unknown[] };
  expect(page1.data.length).toBe(5);

  const write = await api.post("/api/v1/cases", {
    headers: { ...bearer, "content-type": "application/json" },
    data: { number: "E2E-1", title: "Not allowed" },
  });
  expect(write.status()).toBe(403);
  expect(write.headers()["www-authenticate"]).toContain('error="insufficient_scope"');

  await openClient(page, name);
  // API calls are recorded in batches off the request path; they appear within a second or so.
  const calls = page.getByRole("region", { name: "API calls" });
  await expect(async () => {
    await page.reload();
    await expect(calls).toContainText("GET /api/v1/cases", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(calls).toContainText("403");
  await page.getByRole("button", { name: "Disable client" }).click();
  await expect(page.getByRole("button", { name: "Enable client" })).toBeVisible();

  const after = await api.get("/api/v1/cases", { headers: bearer });
  expect(after.status()).toBe(401);
  expect(after.headers()["www-authenticate"]).toContain('error="invalid_token"');
});
