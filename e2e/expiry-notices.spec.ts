/**
 * Expiry notices and Renew, by their labels: a personal token lapsing within the organization's
 * thresholds is named on Integrations ("Expiring soon") and on the dashboard; "Renew" shows a
 * successor once and keeps the old token listed (it works until its own end).
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function takeToken(page: Page): Promise<string> {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("It will not be shown again");
  const token = await dialog.getByLabel("Token", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.getByRole("button", { name: "Yes, I saved it" }).click();
  await expect(dialog).toBeHidden();
  return token;
}

test.describe("expiry notices", () => {
  test("a token lapsing soon is named on Integrations and the dashboard, and Renew keeps the old one", async ({
    adminPage: page,
  }) => {
    const name = `Expiring script ${Date.now().toString(36)}`;
    await page.goto("/integrations");
    await page.getByLabel("Token name").fill(name);
    await page.getByLabel("Expiration").selectOption({ label: "7 days" });
    await page.getByRole("button", { name: "Create token" }).click();
    const first = await takeToken(page);

    const banner = page.getByRole("region", { name: "Expiring soon" });
    await expect(banner).toContainText(`Personal token ${name} expires in 7 days`);
    await page.goto("/");
    const dashboard = page.getByRole("region", { name: "Expiring soon" });
    await expect(dashboard).toContainText(`Personal token ${name} of `);

    await page.goto("/integrations");
    await page.getByRole("button", { name: `Renew ${name}` }).click();
    const confirm = page.getByRole("dialog", { name: `Renew ${name}?` });
    await expect(confirm).toContainText("keeps working until its own expiration");
    await confirm.getByRole("button", { name: "Renew token" }).click();
    const second = await takeToken(page);
    expect(second).not.toBe(first);
    await expect(
      page.getByRole("table", { name: "Personal tokens" }).getByRole("row").filter({ hasText: name }),
    ).toHaveCount(2);
  });
});
