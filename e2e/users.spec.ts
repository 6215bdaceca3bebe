import type { Page } from "@playwright/test";
import {
  DEMO_ADMIN_EMAIL,
  E2E_ADMIN_PASSWORD,
  expect,
  NORTHWIND_ADMIN_EMAIL,
  signIn,
  submitSignIn,
  test,
  uniqueEmail,
} from "./fixtures";

const NEW_USER_PASSWORD = "Correct-Horse-Battery-9";

interface NewUser {
  name: string;
  email: string;
  role: string;
}

/** Creates a user through Admin → Users → Create user, as an administrator would. */
async function createUser(page: Page, user: NewUser): Promise<void> {
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Create user" }).click();
  await expect(page).toHaveURL("/admin/users/new");
  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(NEW_USER_PASSWORD);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: user.role });
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/admin\/users(\?.*)?$/);
}

function userRow(page: Page, email: string) {
  return page.getByRole("row").filter({ has: page.getByRole("cell", { name: email, exact: true }) });
}

test.describe("users", () => {
  test("an administrator creates a user, who can then sign in", async ({ adminPage, page }, testInfo) => {
    const user = { name: "Dana Scully", email: uniqueEmail(testInfo, "scully"), role: "Investigator" };
    await adminPage.goto("/admin/users");
    await adminPage.getByRole("link", { name: "Create user" }).click();
    await expect(adminPage).toHaveURL("/admin/users/new");

    // A mistake first: the form says what is wrong next to the field and creates nothing.
    await adminPage.getByLabel("Name", { exact: true }).fill(user.name);
    await adminPage.getByLabel("Email", { exact: true }).fill("dana.scully-at-example.com");
    await adminPage.getByLabel("Password", { exact: true }).fill(NEW_USER_PASSWORD);
    await adminPage.getByLabel("Role", { exact: true }).selectOption({ label: user.role });
    await adminPage.getByRole("button", { name: "Create user" }).click();
    await expect(adminPage.getByLabel("Email", { exact: true })).toHaveAccessibleDescription(
      /Enter a valid email address/,
    );
    await expect(adminPage).toHaveURL("/admin/users/new");

    await adminPage.getByLabel("Email", { exact: true }).fill(user.email);
    await adminPage.getByRole("button", { name: "Create user" }).click();
    await expect(adminPage).toHaveURL(/\/admin\/users(\?.*)?$/);
    const row = userRow(adminPage, user.email);
    await expect(row).toBeVisible();
    await expect(row).toContainText(user.name);
    await expect(row).toContainText(user.role);
    await expect(row).toContainText("Active");

    await signIn(page, user.email, NEW_USER_PASSWORD);
    await expect(page).toHaveURL("/");
    await expect(page.getByText("Demo Agency").first()).toBeVisible();
  });

  test("a member without console admin cannot reach Admin", async ({ adminPage, page }, testInfo) => {
    const user = { name: "Fox Mulder", email: uniqueEmail(testInfo, "mulder"), role: "Investigator" };
    await createUser(adminPage, user);

    await signIn(page, user.email, NEW_USER_PASSWORD);
    await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);

    for (const path of [
      "/admin",
      "/admin/users",
      "/admin/users/new",
      "/admin/api-settings",
      "/admin/roles",
    ]) {
      const response = await page.goto(path);
      expect([403, 404], `status of ${path}`).toContain(response?.status());
      await expect(page.getByText("You do not have access to this page.")).toBeVisible();
    }
  });

  test("an administrator finds a user, changes their role and deactivates them", async ({
    adminPage,
    page,
  }, testInfo) => {
    const user = { name: "Walter Skinner", email: uniqueEmail(testInfo, "skinner"), role: "Investigator" };
    await createUser(adminPage, user);
    await signIn(page, user.email, NEW_USER_PASSWORD);
    await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);

    await adminPage.getByLabel("Search users").fill(user.email);
    await adminPage.getByLabel("Search users").press("Enter");
    await expect(adminPage.getByRole("row")).toHaveCount(2); // the header row and the one match
    await userRow(adminPage, user.email).getByRole("link").first().click();
    await expect(adminPage).toHaveURL(/\/admin\/users\/[^/]+$/);

    // A new role takes effect on the user's next request.
    await adminPage.getByLabel("Role", { exact: true }).selectOption({ label: "Site Administrator" });
    await adminPage.getByRole("button", { name: "Save role" }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });

    await adminPage.getByRole("button", { name: "Deactivate user" }).click();
    const dialog = adminPage.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    await expect(dialog).toBeHidden();
    await expect(adminPage.getByText("Deactivated", { exact: true })).toBeVisible();

    // Deactivation ends the user's sessions, and they cannot sign in again.
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await submitSignIn(page, user.email, NEW_USER_PASSWORD);
    await expect(page.getByText("Incorrect email or password.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an organization's users list shows only its own users", async ({ page }) => {
    await signIn(page, NORTHWIND_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    await page.goto("/admin/users");

    await expect(userRow(page, NORTHWIND_ADMIN_EMAIL)).toBeVisible();
    await page.getByLabel("Search users").fill(DEMO_ADMIN_EMAIL);
    await page.getByLabel("Search users").press("Enter");
    await expect(userRow(page, NORTHWIND_ADMIN_EMAIL)).toHaveCount(0);
    await expect(userRow(page, DEMO_ADMIN_EMAIL)).toHaveCount(0);
  });
});
