import type { Browser, Page } from "@playwright/test";
import {
  closeSecretDialog,
  createClientThroughForm,
  openClient,
  readSecretDialog,
  uniqueClientName,
} from "./api-client-steps";
import { expect, signIn, test, uniqueEmail } from "./fixtures";

const DEPUTY_PASSWORD = "Deputy-Correct-Horse-42";
const LOCKED = /Your role does not hold this permission, so you can neither grant nor remove it/;

/**
 * As the Site Administrator: a console administrator role holding only Cases read and create,
 * and a user with it; returns a page signed in as that deputy.
 */
async function signedInDeputy(adminPage: Page, browser: Browser, baseURL: string | undefined, email: string) {
  const roleName = `Deputy ${Date.now().toString(36)}`;
  await adminPage.goto("/admin/roles/new");
  await adminPage.getByLabel("Role name").fill(roleName);
  await adminPage.getByLabel("Console administrator").check();
  await adminPage.getByLabel("Cases Read", { exact: true }).selectOption("allowed");
  await adminPage.getByLabel("Cases Create", { exact: true }).selectOption("allowed");
  await adminPage.getByRole("button", { name: "Create role" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/roles$/);

  await adminPage.goto("/admin/users/new");
  await adminPage.getByLabel("Name", { exact: true }).fill("Dee Puty");
  await adminPage.getByLabel("Email", { exact: true }).fill(email);
  await adminPage.getByLabel("Password", { exact: true }).fill(DEPUTY_PASSWORD);
  await adminPage.getByLabel("Role", { exact: true }).selectOption({ label: roleName });
  await adminPage.getByRole("button", { name: "Create user" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/users(\?.*)?$/);

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email, DEPUTY_PASSWORD);
  return page;
}

test.describe("rights", () => {
  test("an administrator who is not Site Administrator sees what they cannot grant, and why", async ({
    adminPage,
    browser,
    baseURL,
  }, testInfo) => {
    const deputy = await signedInDeputy(adminPage, browser, baseURL, uniqueEmail(testInfo, "deputy"));

    await deputy.goto("/admin/roles");
    const rule = deputy.getByRole("region", { name: "Who can grant what" });
    await expect(rule).toContainText("An administrator grants only permissions their own role holds");
    await expect(rule).toContainText("Only a Site Administrator gives or takes the Site Administrator role");
    await expect(rule).toContainText("Your role is not Site Administrator");

    await deputy.goto("/admin/roles/new");
    await expect(deputy.getByLabel("Cases Read", { exact: true })).toBeEnabled();
    const cannot = deputy.getByLabel("Cases Delete", { exact: true });
    await expect(cannot).toBeDisabled();
    await expect(cannot).toHaveAccessibleDescription(LOCKED);

    await deputy.goto("/admin/api-settings/clients/new");
    await expect(deputy.getByLabel("Evidence Download", { exact: true })).toBeDisabled();
    await expect(deputy.getByLabel("Cases Create", { exact: true })).toBeEnabled();

    // Site Administrator cannot be chosen for anyone.
    await deputy.goto("/admin/users/new");
    const siteAdministrator = deputy.getByRole("option", { name: "Site Administrator (beyond your role)" });
    await expect(siteAdministrator).toBeDisabled();

    // The built-in role: the deputy sees its cells locked (it holds everything).
    await deputy.goto("/admin/roles");
    await deputy.getByRole("link", { name: "Site Administrator", exact: true }).click();
    await expect(deputy.getByLabel("Users Delete", { exact: true })).toBeDisabled();
    await deputy.context().close();
  });

  test("a client that holds more than the administrator keeps its cells and its secret", async ({
    adminPage,
    browser,
    baseURL,
  }, testInfo) => {
    const name = uniqueClientName(testInfo, "Purge job");
    await createClientThroughForm(adminPage, name, ["Cases Read", "Cases Delete"]);
    const deputy = await signedInDeputy(adminPage, browser, baseURL, uniqueEmail(testInfo, "deputy-client"));

    await openClient(deputy, name);
    const locked = deputy.getByLabel("Cases Delete", { exact: true });
    await expect(locked).toBeDisabled();
    await expect(locked).toHaveValue("allowed");
    await deputy.getByLabel("Cases Create", { exact: true }).selectOption("Allowed");
    await deputy.getByRole("button", { name: "Save changes" }).click();
    await expect(deputy.getByText("Changes saved.")).toBeVisible();
    await deputy.reload();
    await expect(deputy.getByLabel("Cases Delete", { exact: true })).toHaveValue("allowed");
    await expect(deputy.getByLabel("Cases Create", { exact: true })).toHaveValue("allowed");
    await expect(
      deputy.getByText(/You cannot rotate this client's secret: it holds Cases delete/),
    ).toBeVisible();
    await expect(deputy.getByRole("button", { name: "Rotate secret" })).toHaveCount(0);
    await deputy.context().close();
  });

  test("a rotation submitted again from a page rendered before it rotates nothing", async ({
    adminPage,
  }, testInfo) => {
    const name = uniqueClientName(testInfo, "Double rotation");
    await createClientThroughForm(adminPage, name, ["Cases Read"]);
    await openClient(adminPage, name);
    // A second tab showing the same page, as left open or retried.
    const second = await adminPage.context().newPage();
    await second.goto(adminPage.url());

    await adminPage.getByRole("button", { name: "Rotate secret" }).dblclick();
    await readSecretDialog(adminPage);
    await closeSecretDialog(adminPage);
    const secrets = adminPage.getByRole("table", { name: "Secrets of this client" });
    await expect(secrets.getByRole("row")).toHaveCount(3); // the header, the current and the old secret

    await second.getByRole("button", { name: "Rotate secret" }).click();
    await expect(
      second.getByText("This secret was already rotated; reload the page to see the current one."),
    ).toBeVisible();
    await expect(second.getByRole("dialog")).toBeHidden();
    await adminPage.reload();
    await expect(secrets.getByRole("row")).toHaveCount(3);

    // "Stop now" ends the old secret's grace at once.
    await secrets.getByRole("button", { name: /Stop now/ }).click();
    await adminPage.getByRole("dialog").getByRole("button", { name: "Stop old secret" }).click();
    await expect(secrets).toContainText("Revoked");
    await expect(secrets.getByRole("button", { name: /Stop now/ })).toHaveCount(0);
    await second.close();
  });
});
