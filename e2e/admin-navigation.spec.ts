import { expect, test } from "./fixtures";

test.describe("Admin", () => {
  test("Admin → Security & Integrations → API Settings", async ({ adminPage: page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Admin", exact: true }).click();

    await expect(page).toHaveURL("/admin");
    await expect(page.getByRole("heading", { name: "Admin", exact: true, level: 1 })).toBeVisible();
    const security = page.getByRole("region", { name: "Security & Integrations" });
    await expect(security.getByRole("heading", { name: "Security & Integrations" })).toBeVisible();

    await security.getByRole("link", { name: "API Settings" }).click();
    await expect(page).toHaveURL("/admin/api-settings");
    await expect(page.getByRole("heading", { name: "API Access Clients", level: 1 })).toBeVisible();

    // API Settings' sections are tabs: Security and the organization's personal tokens.
    const sections = page.getByRole("navigation", { name: "API Settings sections" });
    await sections.getByRole("link", { name: "Security" }).click();
    await expect(page).toHaveURL("/admin/api-settings/security");
    await sections.getByRole("link", { name: "Personal tokens" }).click();
    await expect(page).toHaveURL("/admin/api-settings/tokens");
    await sections.getByRole("link", { name: "API Access Clients" }).click();
    await expect(page).toHaveURL("/admin/api-settings");
  });

  test("Users & Roles leads to the users and roles lists", async ({ adminPage: page }) => {
    await page.goto("/admin");
    const usersAndRoles = page.getByRole("region", { name: "Users & Roles" });

    await usersAndRoles.getByRole("link", { name: "Users", exact: true }).click();
    await expect(page).toHaveURL("/admin/users");
    await expect(page.getByRole("heading", { name: "Users", exact: true, level: 1 })).toBeVisible();
    for (const column of ["Name", "Email", "Role", "Status"]) {
      await expect(page.getByRole("columnheader", { name: column })).toBeVisible();
    }

    await page.goto("/admin");
    await usersAndRoles.getByRole("link", { name: "Roles", exact: true }).click();
    await expect(page).toHaveURL("/admin/roles");
    await expect(page.getByRole("heading", { name: "Roles", exact: true, level: 1 })).toBeVisible();
    await expect(page.getByText("Site Administrator").first()).toBeVisible();
    await expect(page.getByText("Investigator").first()).toBeVisible();
  });
});
