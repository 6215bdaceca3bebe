import { readFile } from "node:fs/promises";
import {
  clientRow,
  closeSecretDialog,
  createClientThroughForm,
  expectNowhereIn,
  LIST_PATH,
  openApiSettings,
  openClient,
  readSecretDialog,
  uniqueClientName,
} from "./api-client-steps";
import {
  E2E_ADMIN_PASSWORD,
  expect,
  FABRIKAM_ADMIN_EMAIL,
  NORTHWIND_ADMIN_EMAIL,
  signIn,
  test,
  uniqueEmail,
} from "./fixtures";

test.describe("API Access Clients", () => {
  test("Create Client shows the secret once, and nothing serves it again", async ({
    adminPage: page,
  }, testInfo) => {
    const name = uniqueClientName(testInfo, "Payroll export");
    await openApiSettings(page);
    await page.getByRole("link", { name: "Create Client" }).click();
    await expect(page).toHaveURL(`${LIST_PATH}/clients/new`);

    await page.getByLabel("Client Name").fill(name);
    await page.getByLabel("Description", { exact: true }).fill("Nightly payroll export");
    // Demo Agency does not restrict by IP (yet), so the field is not there.
    await expect(page.getByLabel("Allowed IP Addresses")).toHaveCount(0);
    // Deny by default: every cell starts Prohibited.
    await expect(page.getByLabel("Users Delete", { exact: true })).toHaveValue("prohibited");
    await page.getByLabel("Cases Read", { exact: true }).selectOption("Allowed");
    await page.getByLabel("Evidence Download", { exact: true }).selectOption("Allowed");
    await expect(page.getByText("/api/v1/evidence/{id}/content")).toBeVisible();

    // A double-click on Save makes one client.
    await page.getByRole("button", { name: "Save", exact: true }).dblclick();
    const shown = await readSecretDialog(page);
    expect(shown.secret).toMatch(/^lk_cs_[0-9A-Za-z]+$/);
    expect(shown.clientId).toMatch(/^lkc_[0-9A-Za-z]{24}$/);
    expect(shown.partnerId).not.toBe("");
    expect(shown.description).toBe("Nightly payroll export");

    const download = page.waitForEvent("download");
    await page.getByRole("dialog").getByRole("button", { name: "Download .env" }).click();
    const envFile = await readFile((await (await download).path()) ?? "", "utf8");
    expect(envFile).toContain(`LATCHKEY_CLIENT_ID=${shown.clientId}`);
    expect(envFile).toContain(`LATCHKEY_CLIENT_SECRET=${shown.secret}`);
    expect(envFile).toContain(`LATCHKEY_PARTNER_ID=${shown.partnerId}`);
    expect(envFile).toMatch(/LATCHKEY_TOKEN_URL=http:\/\/localhost:\d+\/api\/oauth\/token/);

    await closeSecretDialog(page);
    await expect(page).toHaveURL(LIST_PATH);
    await page.getByLabel("Search clients").fill(name);
    await page.getByLabel("Search clients").press("Enter");
    await expect(page.getByRole("row")).toHaveCount(2); // the header and exactly one client
    const row = clientRow(page, name);
    await expect(row).toContainText(shown.clientId);
    await expect(row).toContainText("Cases: read · Evidence: download");
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Never");

    await page.reload();
    await expect(clientRow(page, name)).toBeVisible();
    await expectNowhereIn(page, LIST_PATH, shown.secret);
    await openClient(page, name);
    await expectNowhereIn(page, new URL(page.url()).pathname, shown.secret);
    await expect(page.getByText("Created", { exact: true }).first()).toBeVisible();
  });

  test("an administrator edits, rotates, disables, enables and deletes a client", async ({
    adminPage: page,
  }, testInfo) => {
    const name = uniqueClientName(testInfo, "Evidence sync");
    const first = await createClientThroughForm(page, name, ["Evidence Read"]);
    await openClient(page, name);
    const detailPath = new URL(page.url()).pathname;
    expect(detailPath).toBe(`${LIST_PATH}/clients/${first.clientId}`);

    await page.getByLabel("Description", { exact: true }).fill("Syncs evidence to the archive");
    await page.getByLabel("Evidence Update", { exact: true }).selectOption("Allowed");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Evidence Update", { exact: true })).toHaveValue("allowed");
    await expect(page.getByText("+evidence:update")).toBeVisible();

    await page.getByLabel("Old secret keeps working").selectOption({ label: "1 hour" });
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const rotated = await readSecretDialog(page);
    expect(rotated.secret).toMatch(/^lk_cs_/);
    expect(rotated.secret).not.toBe(first.secret);
    expect(rotated.clientId).toBe(first.clientId);
    await closeSecretDialog(page);
    const secrets = page.getByRole("table", { name: "Secrets of this client" });
    await expect(secrets.getByRole("row")).toHaveCount(3);
    await expect(secrets).toContainText("Current");
    await expect(secrets).toContainText("Old secret, works until");
    await expect(page.getByText("Secret rotated")).toBeVisible();
    for (const secret of [first.secret, rotated.secret]) await expectNowhereIn(page, detailPath, secret);

    await page.getByRole("button", { name: "Disable client" }).click();
    await expect(page.getByRole("button", { name: "Enable client" })).toBeVisible();
    await page.goto(LIST_PATH);
    await page.getByLabel("Status", { exact: true }).selectOption("Disabled");
    await expect(page).toHaveURL(/status=disabled/);
    await expect(clientRow(page, name)).toContainText("Disabled");
    await page.getByLabel("Status", { exact: true }).selectOption("Active");
    await expect(page).toHaveURL(/status=active/);
    await expect(clientRow(page, name)).toHaveCount(0);

    await page.goto(detailPath);
    await page.getByRole("button", { name: "Enable client" }).click();
    await expect(page.getByRole("button", { name: "Disable client" })).toBeVisible();

    await page.getByRole("button", { name: "Delete client" }).click();
    const dialog = page.getByRole("dialog");
    const confirm = dialog.getByLabel("Type the client name to confirm");
    await confirm.fill(name.toUpperCase());
    await expect(dialog.getByRole("button", { name: "Delete", exact: true })).toBeDisabled();
    await confirm.fill(name);
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page).toHaveURL(LIST_PATH);
    await page.getByLabel("Search clients").fill(name);
    await page.getByLabel("Search clients").press("Enter");
    await expect(page.getByText("No clients match this search and filter.")).toBeVisible();
    const gone = await page.goto(detailPath);
    expect(gone?.status()).toBe(404);
  });

  test("restricting API access by IP asks every new client for its addresses", async ({
    adminPage: page,
  }, testInfo) => {
    const name = uniqueClientName(testInfo, "Branch office");
    await page.goto(LIST_PATH);
    const restrict = page.getByLabel("Restrict API access by IP");
    await expect(restrict).not.toBeChecked();
    await restrict.check();
    try {
      await expect(page.getByText("Saved: API access is now restricted by IP.")).toBeVisible();
      await page.reload();
      await expect(restrict).toBeChecked();
      await expect(page.getByRole("columnheader", { name: "Allowed IPs" })).toBeVisible();

      await page.getByRole("link", { name: "Create Client" }).click();
      await page.getByLabel("Client Name").fill(name);
      const ips = page.getByLabel("Allowed IP Addresses");
      await expect(ips).toBeVisible();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText(/Enter at least one address or range/)).toBeVisible();

      await ips.fill("10.0.0.0/33\n203.0.113.0/24\n256.1.1.1\n10.0.0.1/8");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      const invalid = page.getByRole("list", { name: "Invalid entries" });
      await expect(invalid.getByRole("listitem")).toHaveCount(3);
      await expect(invalid).toContainText(
        "Line 1: 10.0.0.0/33 — prefix length must be a whole number from 0 to 32",
      );
      await expect(invalid).toContainText("Line 3: 256.1.1.1");
      await expect(invalid).toContainText("Line 4: 10.0.0.1/8 — host bits set; did you mean 10.0.0.0/8?");
      await expect(ips).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByRole("dialog")).toBeHidden();

      await ips.fill("203.0.113.0/24\n2001:DB8::1");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await readSecretDialog(page);
      await closeSecretDialog(page);
      await page.getByLabel("Search clients").fill(name);
      await page.getByLabel("Search clients").press("Enter");
      await expect(clientRow(page, name)).toContainText("203.0.113.0/24 +1 more");
    } finally {
      // Other tests create Demo Agency clients without addresses: leave the setting as it was.
      await page.goto(LIST_PATH);
      await page.getByLabel("Restrict API access by IP").uncheck();
      await expect(page.getByText("Saved: API access is no longer restricted by IP.")).toBeVisible();
      await page.reload();
      await expect(page.getByLabel("Restrict API access by IP")).not.toBeChecked();
    }
  });

  test("the free plan has no API access and offers no Create Client", async ({ page }) => {
    await signIn(page, FABRIKAM_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    await openApiSettings(page);
    await expect(page.getByText("API access is not included in your organization's plan.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Create Client" })).toHaveCount(0);
    await expect(page.getByLabel("Restrict API access by IP")).toHaveCount(0);
    await page.goto(`${LIST_PATH}/clients/new`);
    await expect(page.getByText("API access is not included in your organization's plan.")).toBeVisible();
    await expect(page.getByLabel("Client Name")).toHaveCount(0);
  });

  test("a member who is not an administrator is refused", async ({ adminPage, page }, testInfo) => {
    const { clientId } = await createClientThroughForm(adminPage, uniqueClientName(testInfo, "Refused"));
    const email = uniqueEmail(testInfo, "client-viewer");
    const password = "Correct-Horse-Battery-9";
    await adminPage.goto("/admin/users/new");
    await adminPage.getByLabel("Name", { exact: true }).fill("Clara Viewer");
    await adminPage.getByLabel("Email", { exact: true }).fill(email);
    await adminPage.getByLabel("Password", { exact: true }).fill(password);
    await adminPage.getByLabel("Role", { exact: true }).selectOption({ label: "Investigator" });
    await adminPage.getByRole("button", { name: "Create user" }).click();
    await expect(adminPage).toHaveURL(/\/admin\/users(\?.*)?$/);

    await signIn(page, email, password);
    for (const path of [LIST_PATH, `${LIST_PATH}/clients/new`, `${LIST_PATH}/clients/${clientId}`]) {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBe(403);
      await expect(page.getByText("You do not have access to this page.")).toBeVisible();
    }
  });

  test("another organization's administrator gets not-found for this organization's client", async ({
    adminPage,
    page,
  }, testInfo) => {
    const name = uniqueClientName(testInfo, "Demo only");
    const { clientId } = await createClientThroughForm(adminPage, name);
    await signIn(page, NORTHWIND_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    for (const path of [`${LIST_PATH}/clients/${clientId}`, `${LIST_PATH}/clients/not-a-client-id`]) {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    await page.goto(LIST_PATH);
    await page.getByLabel("Search clients").fill(clientId);
    await page.getByLabel("Search clients").press("Enter");
    await expect(page.getByText(name)).toHaveCount(0);
  });
});
