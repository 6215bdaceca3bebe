import {
  DEMO_ADMIN_EMAIL,
  E2E_ADMIN_PASSWORD,
  expect,
  SEEDED_ADMINS,
  signIn,
  signOut,
  submitSignIn,
  test,
} from "./fixtures";

const WRONG_CREDENTIALS = "Incorrect email or password.";

test.describe("console sign-in", () => {
  test("an administrator signs in and lands on their organization's dashboard", async ({ page }) => {
    await submitSignIn(page, DEMO_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);

    await expect(page).toHaveURL("/");
    await expect(page.getByText("Demo Agency").first()).toBeVisible();
    await expect(page.getByText(DEMO_ADMIN_EMAIL).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible();
  });

  test("a wrong password or an unknown email gets one generic message", async ({ page }) => {
    await submitSignIn(page, DEMO_ADMIN_EMAIL, "not-the-right-password");
    await expect(page.getByText(WRONG_CREDENTIALS)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    // Telling the two apart would reveal which email addresses have accounts.
    await submitSignIn(page, "nobody-here@example.com", E2E_ADMIN_PASSWORD);
    await expect(page.getByText(WRONG_CREDENTIALS)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, DEMO_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    await signOut(page);

    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    for (const path of ["/", "/admin"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in/);
    }
  });

  for (const { organization, email } of SEEDED_ADMINS.slice(1)) {
    test(`${organization}'s administrator sees ${organization}`, async ({ page }) => {
      await signIn(page, email, E2E_ADMIN_PASSWORD);
      await expect(page.getByText(organization).first()).toBeVisible();
      await expect(page.getByText("Demo Agency")).toHaveCount(0);
    });
  }
});
