/**
 * Usage analytics end to end: a console-made client obtains a token and calls the API, allowed
 * and refused; its page shows the chart by its accessible name and the same numbers as a
 * table, the period is a link, the scopes it used beside those granted, an old secret's traffic
 * during a rotation; the dashboard shows the organization's traffic and the client. Counts are
 * written every few seconds, so each page is reloaded until they are there.
 */
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import {
  closeSecretDialog,
  createClientThroughForm,
  openClient,
  readSecretDialog,
  uniqueClientName,
} from "./api-client-steps";
import { expectNoAxeViolations } from "./axe";
import { expect, test } from "./fixtures";

const AGENT = { "user-agent": "usage-e2e/1.0" };

/** Reloads until `check` passes: usage counts reach the database a few seconds after the calls. */
async function reloadUntil(page: Page, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000, intervals: [1000, 2000, 2000] });
}

async function tokenFor(api: APIRequestContext, clientId: string, secret: string): Promise<string> {
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}`;
  const response = await api.post("/api/oauth/token", {
    headers: { ...AGENT, authorization: basic, "content-type": "application/x-www-form-urlencoded" },
    data: "grant_type=client_credentials",
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The cells of a table row, as text. */
async function cellsOf(row: Locator): Promise<string[]> {
  return (await row.getByRole("cell").allTextContents()).map((text) => text.trim());
}

test("a client's usage: chart and table by outcome, the period as a link, scopes used, old-secret traffic, the dashboard", async ({
  adminPage: page,
}, testInfo) => {
  test.setTimeout(120_000);
  const name = uniqueClientName(testInfo, "Usage e2e");
  const shown = await createClientThroughForm(page, name, ["Cases Read", "Devices Read"]);
  const api = page.request;
  const bearer = { ...AGENT, authorization: `Bearer ${await tokenFor(api, shown.clientId, shown.secret)}` };
  for (let call = 0; call < 2; call += 1)
    expect((await api.get("/api/v1/cases?limit=1", { headers: bearer })).status()).toBe(200);
  const write = await api.post("/api/v1/cases", {
    headers: { ...bearer, "content-type": "application/json" },
    data: { number: "USAGE-1", title: "Not allowed" },
  });
  expect(write.status()).toBe(403);
  const wrongSecret = `${shown.secret.slice(0, -2)}${shown.secret.endsWith("zz") ? "yy" : "zz"}`;
  const refused = await api.get("/api/v1/cases", {
    headers: { ...AGENT, "api-key": shown.clientId, "api-secret": wrongSecret },
  });
  expect(refused.status()).toBe(401);

  await openClient(page, name);
  const clientPath = new URL(page.url()).pathname;
  await page.goto(`${clientPath}?usage=24h`);
  const usage = page.getByRole("region", { name: "Usage" });
  const chart = usage.getByRole("img", {
    name: "Requests per hour by outcome, last 24 hours: 5 requests: 3 allowed, 1 insufficient scope, 1 invalid credentials.",
  });
  await reloadUntil(page, () => expect(chart).toBeVisible({ timeout: 1000 }));
  await expect(usage).toContainText("4 API calls and 1 token request");
  await expect(usage.getByRole("list", { name: "Legend" })).toContainText("Insufficient scope: 1");
  await expect(page.getByRole("link", { name: "Last 24 hours" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("usage-e2e/1.0", { exact: true })).toBeVisible();

  await usage.getByText("Show as table").click();
  const table = usage.getByRole("table", { name: "Requests of this client by outcome" });
  await expect(table.getByRole("columnheader")).toHaveText([
    "Hour (UTC)",
    "Allowed",
    "Insufficient scope",
    "Invalid credentials",
    "Total",
  ]);
  expect(await cellsOf(table.getByRole("row", { name: /^Total/ }))).toEqual(["3", "1", "1", "5"]);
  await expectNoAxeViolations(page, "a client's page with its usage chart and table");

  const scopes = page.getByRole("table", { name: "Scopes used and granted" });
  expect(await cellsOf(scopes.getByRole("row", { name: /cases:read/ }))).toEqual(["Yes", "2"]);
  expect(await cellsOf(scopes.getByRole("row", { name: /devices:read/ }))).toEqual(["Yes", "Not used"]);

  await page.getByRole("link", { name: "Last 30 days" }).click();
  await expect(page).toHaveURL(/[?&]usage=30d/);
  await expect(
    usage.getByRole("img", { name: /^Requests per day by outcome, last 30 days: 5 requests: 3 allowed/ }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");

  // Rotate with a grace period, then keep using the old secret.
  await page.getByLabel("Old secret keeps working").selectOption({ label: "24 hours" });
  await page.getByRole("button", { name: "Rotate secret" }).click();
  const rotated = await readSecretDialog(page);
  await closeSecretDialog(page);
  const oldHeaders = { ...AGENT, "api-key": shown.clientId, "api-secret": shown.secret };
  expect((await api.get("/api/v1/cases?limit=1", { headers: oldHeaders })).status()).toBe(200);
  await tokenFor(api, shown.clientId, rotated.secret);
  const oldSecret = page.getByRole("region", { name: "Old secret still in use?" });
  await reloadUntil(page, () =>
    expect(oldSecret).toContainText("Since it was rotated out: 1 API call and 0 tokens issued", {
      timeout: 1000,
    }),
  );
  const addresses = oldSecret.getByRole("table");
  await expect(addresses.getByRole("row")).toHaveCount(2);
  await expect(addresses).toContainText("usage-e2e/1.0");
  await expectNoAxeViolations(page, "a client's page with an old secret's traffic");

  await page.goto("/");
  const traffic = page.getByRole("region", { name: "API traffic, last 7 days" });
  await expect(
    traffic.getByRole("img", { name: /^Requests per day by outcome, last 7 days: / }),
  ).toBeVisible();
  await traffic.getByText("Show as table").click();
  const trafficTable = traffic.getByRole("table", { name: /API traffic of the organization per day/ });
  await expect(trafficTable.getByRole("columnheader").first()).toHaveText("Day (UTC)");
  await expect(trafficTable.getByRole("row", { name: /^Total/ })).toBeVisible();
  const top = page.getByRole("region", { name: "Top clients" });
  expect(await cellsOf(top.getByRole("row", { name })))
    // 5 before the rotation, 1 call with the old secret and 1 token with the new one.
    .toEqual(["7", "2", "29 %"]);
  const attention = page.getByRole("region", { name: "Needs attention" });
  await expect(
    attention.getByRole("listitem").filter({ hasText: `${name}: refused 2 of 7 requests` }),
  ).toBeVisible();
  await expect(attention.getByRole("listitem").filter({ hasText: `${name}: old secret` })).toContainText(
    "since the rotation 1 API call and 0 tokens used it",
  );
  await expectNoAxeViolations(page, "the dashboard with the organization's API traffic");
});

test("a personal token's requests of the last seven days on Integrations", async ({
  adminPage: page,
}, testInfo) => {
  const tokenName = uniqueClientName(testInfo, "Usage token");
  await page.goto("/integrations");
  await page.getByLabel("Token name").fill(tokenName);
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog");
  const token = await dialog.getByLabel("Token", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.getByRole("button", { name: "Yes, I saved it" }).click();
  const headers = { ...AGENT, authorization: `Bearer ${token}` };
  expect((await page.request.get("/api/v1/cases?limit=1", { headers })).status()).toBe(200);

  const row = page.getByRole("row").filter({ hasText: tokenName });
  await reloadUntil(page, () => expect(row).toContainText("1 request: 1 allowed", { timeout: 1000 }));
  await expectNoAxeViolations(page, "Integrations with a token's requests");
});
