import { createClientThroughForm, LIST_PATH, openClient, uniqueClientName } from "./api-client-steps";
import { expect, test } from "./fixtures";

test.describe("API client names and the recorded address", () => {
  test("a name with a zero-width space gets a field error, and no client is made", async ({
    adminPage: page,
  }, testInfo) => {
    const visible = uniqueClientName(testInfo, "Billing");
    const lookalike = visible.replace("Billing", "Bill\u200bing");
    await page.goto(`${LIST_PATH}/clients/new`);
    await page.getByLabel("Client Name").fill(lookalike);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(
      page.getByText("Client Name must not contain invisible characters such as zero-width spaces"),
    ).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page).toHaveURL(`${LIST_PATH}/clients/new`);

    await page.goto(LIST_PATH);
    await page.getByLabel("Search clients").fill("Bill");
    await page.getByLabel("Search clients").press("Enter");
    await expect(page.getByRole("link", { name: lookalike, exact: true })).toHaveCount(0);
  });

  test("the audit trail records the address Latchkey's server saw", async ({ adminPage: page }, testInfo) => {
    const name = uniqueClientName(testInfo, "Audited");
    await createClientThroughForm(page, name);
    await openClient(page, name);
    // Every test connects from this machine; a believed address is the loopback, never "unknown".
    await expect(page.getByText(/by admin@example\.com from (127\.0\.0\.1|::1)/).first()).toBeVisible();
  });
});
