/**
 * The idle-client policy and the clients list's Usage filter, by their labels: Security →
 * "Disable clients unused for" (a custom number refused, then saved), and a new client found
 * under "Never used" and not under "Unused for 30+ days".
 */
import { createClientThroughForm, LIST_PATH, uniqueClientName } from "./api-client-steps";
import { expect, test } from "./fixtures";

test.describe("idle clients", () => {
  test("Security sets 'Disable clients unused for'; the clients list filters by usage", async ({
    adminPage: page,
  }, testInfo) => {
    await page.goto(`${LIST_PATH}/security`);
    const form = page.getByRole("form", { name: "Idle clients" });
    const choice = form.getByLabel("Disable clients unused for");
    await expect(choice).toHaveValue("off");
    await choice.selectOption({ label: "Custom" });
    await form.getByLabel("Days unused").fill("3");
    await form.getByRole("button", { name: "Save idle-client policy" }).click();
    await expect(form.getByLabel("Days unused")).toHaveAccessibleDescription(
      "Enter a whole number of days from 7 to 3650",
    );
    await form.getByLabel("Days unused").fill("45");
    await form.getByRole("button", { name: "Save idle-client policy" }).click();
    await expect(form.getByRole("status")).toHaveText("Idle-client policy saved.");
    await page.reload();
    await expect(form.getByLabel("Disable clients unused for")).toHaveValue("custom");
    await expect(form.getByLabel("Days unused")).toHaveValue("45");

    const name = uniqueClientName(testInfo, "Idle check");
    await createClientThroughForm(page, name, ["Cases Read"]);
    await page.goto(`${LIST_PATH}?q=${encodeURIComponent(name)}`);
    const usage = page.getByLabel("Usage");
    await usage.selectOption({ label: "Never used" });
    await expect(page).toHaveURL(/usage=neverUsed/);
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(1);
    await usage.selectOption({ label: "Unused for 30+ days" });
    await expect(page).toHaveURL(/usage=unused30/);
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);

    // Back to the default, so that no other test's clients are ever disabled by it.
    await page.goto(`${LIST_PATH}/security`);
    await form.getByLabel("Disable clients unused for").selectOption({ label: "Off" });
    await form.getByRole("button", { name: "Save idle-client policy" }).click();
    await expect(form.getByRole("status")).toHaveText("Idle-client policy saved.");
  });
});
