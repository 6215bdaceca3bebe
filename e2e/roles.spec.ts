import { expect, test } from "./fixtures";

test.describe("roles", () => {
  test("an administrator creates, edits and deletes a role; one held by users is kept", async ({
    adminPage: page,
  }) => {
    const name = `E2E Auditor ${Date.now().toString(36)}`;
    await page.goto("/admin/roles");
    await page.getByRole("link", { name: "Create role" }).click();
    await page.getByRole("button", { name: "Create role" }).click();
    await expect(page.getByLabel("Role name")).toHaveAccessibleDescription("Role name is required");
    await page.getByLabel("Role name").fill(name);
    await page.getByLabel("REST API enabled").check();
    await page.getByLabel("Cases Read", { exact: true }).selectOption("allowed");
    await page.getByRole("button", { name: "Create role" }).click();
    await expect(page).toHaveURL(/\/admin\/roles$/);
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("Enabled");
    await expect(row).toContainText("Cases: read");

    await row.getByRole("link", { name }).click();
    await page.getByLabel("Devices Read", { exact: true }).selectOption("allowed");
    await page.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByText("Role saved.")).toBeVisible();
    await page.getByRole("button", { name: "Delete role" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/admin\/roles$/);
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);

    await page.getByRole("link", { name: "Investigator", exact: true }).click();
    await page.getByRole("button", { name: "Delete role" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("status")).toContainText(/\d+ users? holds? the role Investigator/);
  });

  test("Site Administrator keeps its rights", async ({ adminPage: page }) => {
    await page.goto("/admin/roles");
    await page.getByRole("link", { name: "Site Administrator", exact: true }).click();
    await expect(page.getByLabel("REST API enabled")).toBeDisabled();
    await expect(page.getByLabel("Console administrator")).toBeDisabled();
    await expect(page.getByLabel("Cases Delete", { exact: true })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Delete role" })).toHaveCount(0);
    await page.getByLabel("Description").fill("Holds every permission and administers the console.");
    await page.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByText("Role saved.")).toBeVisible();
  });
});
