import { INVALID_CREDENTIALS } from "@/lib/auth/sign-in-schema";
import { LIST_PATH, openClient, uniqueClientName } from "./api-client-steps";
import { expectNoAxeViolations } from "./axe";
import { CONSOLE_PAGES, pageFilesInApp } from "./console-pages";
import {
  createCredentialAndOpenIt,
  fakeAxoniusCredential,
  fillNewCredential,
  openAuthenticateStep,
  uniqueCredentialName,
} from "./credential-steps";
import { expect, test } from "./fixtures";
import { signInAsNewMember } from "./member-steps";

test.describe("accessibility (axe, WCAG 2.2 A and AA)", () => {
  test("every page file in app/ is in the list of checked pages", () => {
    const listed = CONSOLE_PAGES.map((consolePage) => consolePage.file).sort();
    const inApp = pageFilesInApp();
    expect(
      inApp.filter((file) => !listed.includes(file)),
      "pages in app/ that e2e/console-pages.ts does not check: add them there",
    ).toEqual([]);
    expect(
      listed.filter((file) => !inApp.includes(file)),
      "pages listed in e2e/console-pages.ts that app/ no longer has",
    ).toEqual([]);
  });

  for (const consolePage of CONSOLE_PAGES) {
    test(`${consolePage.file} (${consolePage.viewer})`, async ({ adminPage, page }, testInfo) => {
      let viewer = page;
      if (consolePage.viewer === "admin") viewer = adminPage;
      if (consolePage.viewer === "member") await signInAsNewMember(adminPage, page, testInfo);
      await consolePage.open(viewer, testInfo);
      await expectNoAxeViolations(viewer, consolePage.file);
    });
  }

  test("sign-in showing a refusal", async ({ page }) => {
    await page.goto("/sign-in?error=CredentialsSignin");
    await expect(page.getByText(INVALID_CREDENTIALS)).toBeVisible();
    await expectNoAxeViolations(page, "the sign-in page with its refusal");
  });

  test("Create Client with mistakes, then the one-time secret dialog and its confirmation", async ({
    adminPage: page,
  }, testInfo) => {
    await page.goto(`${LIST_PATH}/clients/new`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByLabel("Client Name")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, "Create Client showing a field error");

    await page.getByLabel("Client Name").fill(uniqueClientName(testInfo, "Dialog check"));
    await page.getByLabel("Cases Read", { exact: true }).selectOption("Allowed");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Client created" });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, "the one-time secret dialog");

    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog.getByRole("button", { name: "Yes, I saved it" })).toBeVisible();
    await expectNoAxeViolations(page, "the one-time secret dialog asking to confirm");
    await dialog.getByRole("button", { name: "Yes, I saved it" }).click();
    await expect(page).toHaveURL(LIST_PATH);
  });

  test("confirm dialogs: delete client, rotate secret", async ({ adminPage: page }, testInfo) => {
    const name = uniqueClientName(testInfo, "Confirm check");
    await page.goto(`${LIST_PATH}/clients/new`);
    await page.getByLabel("Client Name").fill(name);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, I saved it" }).click();
    await expect(page).toHaveURL(LIST_PATH);
    await openClient(page, name);

    await page.getByRole("button", { name: "Delete client" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete ${name}?` });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, "the Delete client confirmation");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole("button", { name: "Rotate secret" }).click();
    const rotated = page.getByRole("dialog");
    await expect(rotated).toBeVisible();
    await expectNoAxeViolations(page, "the rotated secret dialog");
  });

  test("confirm dialogs: deactivate user, delete role, change security level", async ({
    adminPage: page,
  }) => {
    await page.goto("/admin/users?q=Avery");
    await page.getByRole("table").getByRole("link").first().click();
    await page.getByRole("button", { name: "Deactivate user" }).click();
    const deactivate = page.getByRole("dialog", { name: /^Deactivate / });
    await expect(deactivate).toBeVisible();
    await expectNoAxeViolations(page, "the Deactivate user confirmation");
    await deactivate.getByRole("button", { name: "Cancel" }).click();
    await expect(deactivate).toBeHidden();

    await page.goto("/admin/roles");
    await page.getByRole("link", { name: "Investigator", exact: true }).click();
    await page.getByRole("button", { name: "Delete role" }).click();
    const deleteRole = page.getByRole("dialog", { name: "Delete the role Investigator?" });
    await expect(deleteRole).toBeVisible();
    await expectNoAxeViolations(page, "the Delete role confirmation");
    await deleteRole.getByRole("button", { name: "Cancel" }).click();
    await expect(deleteRole).toBeHidden();

    await page.goto(`${LIST_PATH}/security`);
    const levels = page.getByRole("radio");
    const unchecked = levels.and(page.locator(":not(:checked):not(:disabled)")).first();
    await unchecked.check();
    await page.getByRole("button", { name: "Change security level" }).click();
    const change = page.getByRole("dialog", { name: /^Change the security level/ });
    await expect(change).toBeVisible();
    await expectNoAxeViolations(page, "the Change security level confirmation");
    await change.getByRole("button", { name: "Cancel" }).click();
    await expect(change).toBeHidden();
  });

  test("personal tokens: the one-time dialog, the lists, and the revoke confirmation", async ({
    adminPage: page,
  }, testInfo) => {
    await page.goto("/integrations");
    await page.getByLabel("Token name").fill(uniqueClientName(testInfo, "A11y token"));
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = page.getByRole("dialog");
    await expect(secret.getByLabel("Token", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "the personal token dialog");
    await secret.getByRole("button", { name: "Close" }).click();
    await secret.getByRole("button", { name: "Yes, I saved it" }).click();
    await expect(secret).toBeHidden();
    await expectNoAxeViolations(page, "Integrations with a token");

    await page.goto(`${LIST_PATH}/tokens`);
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoAxeViolations(page, "Personal tokens with a token");
    await page.getByRole("button", { name: "Revoke" }).first().click();
    const revoke = page.getByRole("dialog", { name: /^Revoke / });
    await expect(revoke).toBeVisible();
    await expectNoAxeViolations(page, "the Revoke token confirmation");
    await revoke.getByRole("button", { name: "Cancel" }).click();
    await expect(revoke).toBeHidden();
  });

  test("credentials: the New Credential dialog with field errors, a test result, and the delete confirmation", async ({
    adminPage: page,
  }, testInfo) => {
    await openAuthenticateStep(page);
    await page.getByRole("button", { name: "Add Credential" }).click();
    const dialog = page.getByRole("dialog", { name: "New Credential" });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, "the New Credential dialog");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByLabel("Credential Name")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, "the New Credential dialog showing field errors");
    await fillNewCredential(dialog, {
      ...fakeAxoniusCredential(uniqueCredentialName(testInfo, "A11y refused")),
      hostUrl: "https://10.0.0.5",
    });
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByLabel("Axonius Host URL")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, "the New Credential dialog refusing a host");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();

    const name = uniqueCredentialName(testInfo, "A11y credential");
    await createCredentialAndOpenIt(page, fakeAxoniusCredential(name));
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.locator("#test-connection-result")).toHaveText(/^(Connected|Failed)/);
    await expectNoAxeViolations(page, "a credential's page after Test connection");

    await page.getByRole("button", { name: "Delete credential" }).click();
    const confirm = page.getByRole("dialog", { name: `Delete ${name}?` });
    await expect(confirm).toBeVisible();
    await expectNoAxeViolations(page, "the Delete credential confirmation");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
  });
});
