import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from "./fixtures";

const BASIC = `Basic ${Buffer.from(`${DEMO_ADMIN_EMAIL}:${E2E_ADMIN_PASSWORD}`).toString("base64")}`;

function callCases(request: APIRequestContext, authorization: string) {
  return request.get("/api/v1/cases?limit=1", { headers: { authorization } });
}

async function openSecurity(page: Page) {
  await page.goto("/admin");
  await page
    .getByRole("region", { name: "Security & Integrations" })
    .getByRole("link", { name: "Security", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
}

async function changeLevel(page: Page, label: "High" | "Extra High", expectText?: RegExp) {
  await page.getByRole("radio", { name: label, exact: true }).check();
  await page.getByRole("button", { name: "Change security level" }).click();
  const dialog = page.getByRole("dialog");
  if (expectText) await expect(dialog).toContainText(expectText);
  await dialog.getByRole("button", { name: `Change to ${label}` }).click();
  await expect(page.getByRole("status")).toHaveText(`Security level changed to ${label}.`);
}

/** Reads the token from the one-time dialog and closes it, confirming it was saved. */
async function takeToken(page: Page): Promise<string> {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("It will not be shown again");
  const token = await dialog.getByLabel("Token", { exact: true }).inputValue();
  expect(token).toMatch(/^lk_pat_/);
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.getByRole("button", { name: "Yes, I saved it" }).click();
  await expect(dialog).toBeHidden();
  return token;
}

test.describe("security level and personal tokens", () => {
  test("at Extra High an HTTP Basic call fails, saying no more than a wrong password would", async ({
    adminPage: page,
  }) => {
    expect((await callCases(page.request, BASIC)).status()).toBe(200);
    await openSecurity(page);
    // The Security page says what Extra High accepts; the refused caller learns nothing more.
    await expect(
      page.getByText(/Only credentials no person can guess\. Accepted: .*api-key and api-secret headers/),
    ).toBeVisible();
    try {
      await changeLevel(
        page,
        "Extra High",
        /HTTP Basic with email and password will be refused: \d+ users? used/,
      );
      const refused = await callCases(page.request, BASIC);
      expect(refused.status()).toBe(401);
      expect(refused.headers()["content-type"]).toBe("application/problem+json");
      expect((await refused.json()).detail).toBe("The email or password is not valid");
    } finally {
      await openSecurity(page);
      await changeLevel(page, "High");
    }
    expect((await callCases(page.request, BASIC)).status()).toBe(200);
  });

  test("policy, then a token with the default expiry: use, recreate, revoke", async ({ adminPage: page }) => {
    await openSecurity(page);
    const defaultDays = page.getByLabel("Default token expiration");
    const maximumDays = page.getByLabel("Maximum token expiration");
    const save = page.getByRole("button", { name: "Save token expiration settings" });
    await defaultDays.fill("0");
    await save.click();
    await expect(defaultDays).toHaveAccessibleDescription(/must be at least 1 day/);
    await defaultDays.fill("400");
    await maximumDays.fill("365");
    await save.click();
    await expect(defaultDays).toHaveAccessibleDescription(/cannot be longer than the maximum/);
    await maximumDays.fill("36500");
    await save.click();
    await expect(maximumDays).toHaveAccessibleDescription(/at most 3650 days/);
    await defaultDays.fill("14");
    await maximumDays.fill("90");
    await save.click();
    await expect(page.getByText("Token expiration settings saved.")).toBeVisible();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Authorizations" })).toBeVisible();
    const name = `E2E script ${Date.now().toString(36)}`;
    await expect(page.getByLabel("Expiration")).toHaveValue("14");
    await expect(page.getByLabel("Expiration").locator("option", { hasText: "No expiration" })).toHaveCount(
      0,
    );
    await page.getByLabel("Token name").fill(name);
    await page.getByRole("button", { name: "Create token" }).click();
    const first = await takeToken(page);
    expect((await callCases(page.request, `Bearer ${first}`)).status()).toBe(200);

    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toHaveCount(1);
    const expected = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(Date.now() + 14 * 86_400_000),
    );
    await expect(row).toContainText(expected);

    await row.getByRole("button", { name: "Recreate" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Recreate token" }).click();
    const second = await takeToken(page);
    expect(second).not.toBe(first);
    expect((await callCases(page.request, `Bearer ${first}`)).status()).toBe(401);
    expect((await callCases(page.request, `Bearer ${second}`)).status()).toBe(200);

    await expect(row).toHaveCount(1);
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toHaveCount(0);
    const revoked = await callCases(page.request, `Bearer ${second}`);
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).detail).toBe("The personal token is not valid or has been revoked");
  });
});
