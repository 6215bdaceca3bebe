/**
 * The Axonius credential flow of the seed, by its labels, against the fake Axonius on
 * loopback (listed in LATCHKEY_OUTBOUND_ALLOW_HOSTS by playwright.config.ts): Data flows →
 * Create data flow → Axonius → Add Credential → the saved tile, selected → Configure; the
 * credential's page with Test connection, Replace secret, field errors and delete; and no
 * typed secret in anything the browser receives afterwards.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { type FakeAxonius, startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { refusedDestination } from "@/lib/net/outbound/outbound-url";
import { DUPLICATE_CREDENTIAL_NAME } from "@/lib/outbound-credentials/credential-errors";
import { HOST_URL_MUST_BE_HTTPS } from "@/lib/outbound-credentials/host-url";
import {
  addCredentialInWizard,
  CREDENTIALS_PATH,
  createCredentialAndOpenIt,
  expectNoSecretIn,
  fakeAxoniusCredential,
  fetchPageAndPayload,
  fillNewCredential,
  openAuthenticateStep,
  recordResponses,
  uniqueCredentialName,
  WIZARD_PATH,
} from "./credential-steps";
import { FAKE_AXONIUS_HOST_URL, FAKE_AXONIUS_PORT } from "./fake-axonius-port";
import { E2E_ADMIN_PASSWORD, expect, NORTHWIND_ADMIN_EMAIL, signIn, test, uniqueEmail } from "./fixtures";
import { tabTo } from "./keyboard";

// Secrets no page could contain by chance, accepted by the fake.
const API_KEY = `axk-${randomBytes(12).toString("hex")}`;
const API_SECRET = `axs-${randomBytes(12).toString("hex")}`;
const WRONG_SECRET = `axs-wrong-${randomBytes(12).toString("hex")}`;
const SECRETS = [API_KEY, API_SECRET, WRONG_SECRET];
const PRIVATE_HOST_REASON = refusedDestination("10.0.0.5")?.message ?? "";

let fake: FakeAxonius;

test.beforeAll(async () => {
  fake = await startFakeAxonius({ port: FAKE_AXONIUS_PORT, apiKey: API_KEY, apiSecret: API_SECRET });
});

test.afterAll(async () => {
  await fake?.close();
});

const steps = (page: Page) => page.getByRole("navigation", { name: "Create data flow steps" });
const stepLink = (page: Page, label: string) => steps(page).getByRole("link", { name: label, exact: true });

test.describe("outbound credentials", () => {
  test("Data flows → Create data flow → Axonius → Add Credential: the credential is a selected tile, and the wizard continues to Configure", async ({
    adminPage: page,
  }, testInfo) => {
    const answers = await recordResponses(page);
    const name = uniqueCredentialName(testInfo, "Production Axonius");

    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data flows" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Data flows" })).toBeVisible();
    await page.getByRole("link", { name: "Create data flow" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create data flow" })).toBeVisible();

    await expect(stepLink(page, "Connector")).toHaveAttribute("aria-current", "step");
    await expect(steps(page).getByRole("link")).toHaveCount(1);
    await expect(steps(page).getByRole("listitem")).toHaveText([
      "1Connector",
      "2Authenticate (not available yet)",
      "3Configure (not available yet)",
      "4Review (not available yet)",
    ]);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Choose a connector to continue.")).toBeVisible();
    await page.getByRole("radiogroup", { name: "Connector" }).getByRole("radio", { name: "Axonius" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Authenticate" })).toBeFocused();
    await expect(stepLink(page, "Authenticate")).toHaveAttribute("aria-current", "step");
    await expect(stepLink(page, "Connector")).not.toHaveAttribute("aria-current", "step");
    await expect(stepLink(page, "Configure")).toHaveCount(0);

    await page.getByRole("button", { name: "Add Credential" }).click();
    const dialog = page.getByRole("dialog", { name: "New Credential" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Credential Name")).toBeFocused();
    await expect(dialog.getByLabel("Credential Description")).toHaveAccessibleDescription(
      /help.*owner and other users/i,
    );
    await expect(dialog.getByLabel("Axonius Host URL")).toHaveAccessibleDescription(
      /https:\/\/your-instance\.axonius\.com/,
    );
    for (const label of ["Axonius API Key", "Axonius Client Secret"]) {
      await expect(dialog.getByLabel(label)).toHaveAttribute("type", "password");
      await expect(dialog.getByLabel(label)).toHaveAttribute("autocomplete", "off");
    }
    await fillNewCredential(dialog, {
      name,
      description: "Nightly import of managed devices",
      hostUrl: FAKE_AXONIUS_HOST_URL,
      apiKey: API_KEY,
      clientSecret: API_SECRET,
    });
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();

    const tile = page.getByRole("radio", { name, exact: true });
    await expect(tile).toBeChecked();
    await expect(tile).toBeFocused();
    await expect(tile).toHaveAccessibleDescription(
      new RegExp(`${FAKE_AXONIUS_HOST_URL}.*${API_KEY.slice(0, 4)}…${API_KEY.slice(-4)}.*Not tested yet`),
    );
    await expect(page.getByRole("link", { name: `View credential ${name}` })).toBeVisible();

    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Configure" })).toBeVisible();
    await expect(stepLink(page, "Configure")).toHaveAttribute("aria-current", "step");
    await expect(stepLink(page, "Review")).toHaveCount(0);
    await expect(page.getByLabel("Data flow name")).toBeVisible();
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back" })).toBeVisible();

    // The place survives a reload, and the browser's Back goes to the step before.
    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: "Configure" })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole("heading", { level: 2, name: "Authenticate" })).toBeVisible();
    await expect(page.getByRole("radio", { name, exact: true })).toBeChecked();

    // The next data flow finds it as a tile too.
    await openAuthenticateStep(page);
    await expect(page.getByRole("radio", { name, exact: true })).not.toBeChecked();

    const served = [
      ...answers(),
      { url: `${page.url()} (as shown)`, method: "GET", body: await page.content() },
      ...(await fetchPageAndPayload(page, WIZARD_PATH)),
      ...(await fetchPageAndPayload(page, CREDENTIALS_PATH)),
    ];
    // What was read holds the credential (so these are the answers that matter), never its secrets:
    // the Save action's answer, the RSC payloads and the pages.
    const saveAnswers = served.filter((answer) => answer.method === "POST" && answer.body.includes(name));
    expect(saveAnswers.length, "the New Credential action's answer was recorded").toBeGreaterThan(0);
    expect(served.some((answer) => answer.url.includes("(RSC)") && answer.body.includes(name))).toBe(true);
    expectNoSecretIn(served, SECRETS);
  });

  test("from its tile to its page: Test connection, a wrong secret, the list, and nothing secret in any answer", async ({
    adminPage: page,
  }, testInfo) => {
    const answers = await recordResponses(page);
    const name = uniqueCredentialName(testInfo, "Tested Axonius");
    await createCredentialAndOpenIt(
      page,
      fakeAxoniusCredential(name, { apiKey: API_KEY, clientSecret: API_SECRET }),
    );
    const credentialUrl = new URL(page.url()).pathname;
    await expect(page.getByText("Not tested yet")).toBeVisible();

    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.locator("#test-connection-result")).toHaveText("Connected — Axonius 6.1.2");
    await expect(page.getByRole("region", { name: "History" })).toContainText("Connection tested");
    expect(fake.requests.at(-1)).toEqual({ method: "GET", path: "/api/settings/meta/about", status: 200 });

    const secretForm = page.getByRole("form", { name: "Replace secret" });
    await secretForm.getByRole("button", { name: "Replace secret" }).click();
    await expect(secretForm.getByLabel("Axonius API Key")).toHaveAccessibleDescription(
      "Enter a new API key, a new client secret, or both",
    );
    await secretForm.getByLabel("Axonius Client Secret").fill(WRONG_SECRET);
    await secretForm.getByRole("button", { name: "Replace secret" }).click();
    await expect(secretForm.getByRole("status")).toContainText("Axonius Client Secret replaced.");
    await expect(secretForm.getByLabel("Axonius Client Secret")).toHaveValue("");
    await expect(page.getByRole("region", { name: "Connection" })).toContainText("Not tested yet");

    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.locator("#test-connection-result")).toHaveText(
      "Failed: Axonius did not accept the API key and secret (401); check both values",
    );

    // Admin → Security & Integrations → Credentials lists it with its last test.
    await page.goto("/admin");
    await page
      .getByRole("region", { name: "Security & Integrations" })
      .getByRole("link", { name: "Credentials" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Credentials" })).toBeVisible();
    await page.getByLabel("Search credentials").fill(name);
    await page.getByLabel("Search credentials").press("Enter");
    await expect(page).toHaveURL(/q=/);
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Axonius");
    await expect(row).toContainText(FAKE_AXONIUS_HOST_URL);
    await expect(row).toContainText(`${API_KEY.slice(0, 4)}…${API_KEY.slice(-4)}`);
    await expect(row).toContainText("Failed: Axonius did not accept the API key and secret (401)");
    await expect(row).toContainText("None");
    await row.getByRole("link", { name }).click();
    await expect(page).toHaveURL(credentialUrl);

    const served = [
      ...answers(),
      { url: `${credentialUrl} (as shown)`, method: "GET", body: await page.content() },
      ...(await fetchPageAndPayload(page, credentialUrl)),
      ...(await fetchPageAndPayload(page, `${CREDENTIALS_PATH}?q=${encodeURIComponent(name)}`)),
      ...(await fetchPageAndPayload(page, WIZARD_PATH)),
    ];
    // The Test connection and Replace secret actions' answers are among them.
    const actionAnswers = served.filter((answer) => answer.method === "POST" && answer.body.includes(name));
    expect(actionAnswers.length, "the credential page's action answers were recorded").toBeGreaterThanOrEqual(
      3,
    );
    expect(served.some((answer) => answer.url.includes("(RSC)") && answer.body.includes(name))).toBe(true);
    expectNoSecretIn(served, SECRETS);
  });

  test("the New Credential dialog puts specific errors on the fields and saves nothing", async ({
    adminPage: page,
  }, testInfo) => {
    const taken = uniqueCredentialName(testInfo, "Taken name");
    await openAuthenticateStep(page);
    await addCredentialInWizard(page, fakeAxoniusCredential(taken));

    await page.getByRole("button", { name: "Add Credential" }).click();
    const dialog = page.getByRole("dialog", { name: "New Credential" });
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByLabel("Credential Name")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel("Credential Name")).toHaveAccessibleDescription(
      "Credential Name is required",
    );
    await expect(dialog.getByLabel("Axonius Host URL")).toHaveAccessibleDescription(
      "Axonius Host URL is required",
    );

    const fresh = uniqueCredentialName(testInfo, "Refused host");
    const cases: Array<[string, string, string]> = [
      ["https://10.0.0.5", "Axonius Host URL", PRIVATE_HOST_REASON],
      ["http://axonius.example.com", "Axonius Host URL", HOST_URL_MUST_BE_HTTPS],
      ["ftp://axonius.example.com", "Axonius Host URL", HOST_URL_MUST_BE_HTTPS],
    ];
    for (const [hostUrl, label, message] of cases) {
      await fillNewCredential(dialog, { ...fakeAxoniusCredential(fresh), hostUrl });
      await dialog.getByRole("button", { name: "Save" }).click();
      await expect(dialog.getByLabel(label), hostUrl).toHaveAccessibleDescription(message);
      await expect(dialog.getByLabel(label)).toBeFocused();
    }
    expect(PRIVATE_HOST_REASON).toMatch(/private address \(10\.0\.0\.5\)/);

    await fillNewCredential(dialog, fakeAxoniusCredential(taken.toUpperCase()));
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByLabel("Credential Name")).toHaveAccessibleDescription(DUPLICATE_CREDENTIAL_NAME);
    await expect(dialog).toBeVisible();

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Add Credential" })).toBeFocused();
    await expect(page.getByRole("radio", { name: fresh })).toHaveCount(0);
    // Opened again, the dialog is empty: nothing typed before is kept.
    await page.getByRole("button", { name: "Add Credential" }).click();
    for (const label of ["Credential Name", "Axonius Host URL", "Axonius API Key", "Axonius Client Secret"])
      await expect(dialog.getByLabel(label)).toHaveValue("");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await page.goto(`${CREDENTIALS_PATH}?q=${encodeURIComponent(fresh)}`);
    await expect(page.getByText("No credentials match this search.")).toBeVisible();
  });

  test("editing a credential: a private host is refused on the field, a new name is kept, and it is deleted", async ({
    adminPage: page,
  }, testInfo) => {
    const name = uniqueCredentialName(testInfo, "Edited Axonius");
    const other = uniqueCredentialName(testInfo, "Other Axonius");
    await openAuthenticateStep(page);
    await addCredentialInWizard(page, fakeAxoniusCredential(other));
    await createCredentialAndOpenIt(page, fakeAxoniusCredential(name));
    const credentialUrl = new URL(page.url()).pathname;
    const settings = page.getByRole("form", { name: "Edit credential" });

    await settings.getByLabel("Axonius Host URL").fill("https://10.0.0.5");
    await settings.getByRole("button", { name: "Save changes" }).click();
    await expect(settings.getByLabel("Axonius Host URL")).toHaveAccessibleDescription(PRIVATE_HOST_REASON);
    await settings.getByLabel("Axonius Host URL").fill(FAKE_AXONIUS_HOST_URL);
    await settings.getByLabel("Credential Name").fill(other);
    await settings.getByRole("button", { name: "Save changes" }).click();
    await expect(settings.getByLabel("Credential Name")).toHaveAccessibleDescription(
      DUPLICATE_CREDENTIAL_NAME,
    );

    const renamed = `${name} (renamed)`;
    await settings.getByLabel("Credential Name").fill(renamed);
    await settings.getByLabel("Credential Description").fill("Staging instance");
    await settings.getByRole("button", { name: "Save changes" }).click();
    await expect(settings.getByRole("status")).toHaveText("Changes saved.");
    await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
    await page.reload();
    await expect(
      page.getByRole("form", { name: "Edit credential" }).getByLabel("Axonius Host URL"),
    ).toHaveValue(FAKE_AXONIUS_HOST_URL);
    await expect(page.getByRole("region", { name: "History" })).toContainText(`name: ${name} → ${renamed}`);

    await page.getByRole("button", { name: "Delete credential" }).click();
    const confirm = page.getByRole("dialog", { name: `Delete ${renamed}?` });
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(CREDENTIALS_PATH);
    await expect(page.getByRole("link", { name: renamed })).toHaveCount(0);
    const gone = await page.goto(credentialUrl);
    expect(gone?.status()).toBe(404);
    await openAuthenticateStep(page);
    await expect(page.getByRole("radio", { name: renamed })).toHaveCount(0);
    await expect(page.getByRole("radio", { name: other, exact: true })).toBeVisible();
  });

  test("another organization's administrator finds nothing of this organization's credentials", async ({
    adminPage,
    page,
  }, testInfo) => {
    const name = uniqueCredentialName(testInfo, "Demo only credential");
    await createCredentialAndOpenIt(adminPage, fakeAxoniusCredential(name));
    const credentialId = new URL(adminPage.url()).pathname.split("/").at(-1) ?? "";

    await signIn(page, NORTHWIND_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    for (const path of [`${CREDENTIALS_PATH}/${credentialId}`, `${CREDENTIALS_PATH}/not-a-credential-id`]) {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    await page.goto(`${WIZARD_PATH}?step=configure&connector=axonius&credential=${credentialId}`);
    await expect(page.getByRole("heading", { level: 2, name: "Authenticate" })).toBeVisible();
    await expect(page.getByRole("radio", { name })).toHaveCount(0);
    await page.goto(`${CREDENTIALS_PATH}?q=${encodeURIComponent(name)}`);
    await expect(page.getByText("No credentials match this search.")).toBeVisible();
  });

  test("a member who is not a console administrator gets 403 on Data flows and Credentials, and no nav link", async ({
    adminPage,
    page,
  }, testInfo) => {
    await createCredentialAndOpenIt(
      adminPage,
      fakeAxoniusCredential(uniqueCredentialName(testInfo, "Admins only")),
    );
    const credentialPath = new URL(adminPage.url()).pathname;
    const email = uniqueEmail(testInfo, "credential-member");
    const password = "Correct-Horse-Battery-9";
    await adminPage.goto("/admin/users/new");
    await adminPage.getByLabel("Name", { exact: true }).fill("Cora Member");
    await adminPage.getByLabel("Email", { exact: true }).fill(email);
    await adminPage.getByLabel("Password", { exact: true }).fill(password);
    await adminPage.getByLabel("Role", { exact: true }).selectOption({ label: "Investigator" });
    await adminPage.getByRole("button", { name: "Create user" }).click();
    await expect(adminPage).toHaveURL(/\/admin\/users(\?.*)?$/);

    await signIn(page, email, password);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data flows" }),
    ).toHaveCount(0);
    for (const path of ["/data-flows", WIZARD_PATH, CREDENTIALS_PATH, credentialPath]) {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBe(403);
      await expect(page.getByText("You do not have access to this page.")).toBeVisible();
    }
  });

  test("the keyboard alone: a tile chosen with Space, Add Credential saved with Enter, tiles changed with the arrow keys", async ({
    adminPage: page,
  }, testInfo) => {
    await openAuthenticateStep(page);
    await addCredentialInWizard(page, fakeAxoniusCredential(uniqueCredentialName(testInfo, "Keyboard A")));
    const name = uniqueCredentialName(testInfo, "Keyboard B");

    await page.goto(WIZARD_PATH);
    const axonius = page.getByRole("radio", { name: "Axonius" });
    await tabTo(page, axonius);
    await page.keyboard.press("Space");
    await expect(axonius).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 2, name: "Authenticate" })).toBeFocused();

    await tabTo(page, page.getByRole("button", { name: "Add Credential" }));
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "New Credential" });
    await expect(dialog.getByLabel("Credential Name")).toBeFocused();
    await page.keyboard.type(name);
    for (const [label, value] of [
      ["Credential Description", "Typed without a mouse"],
      ["Axonius Host URL", FAKE_AXONIUS_HOST_URL],
      ["Axonius API Key", "keyboard-api-key-1"],
      ["Axonius Client Secret", "keyboard-client-secret-1"],
    ] as const) {
      await page.keyboard.press("Tab");
      await expect(dialog.getByLabel(label)).toBeFocused();
      await page.keyboard.type(value);
    }
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    const added = page.getByRole("radio", { name, exact: true });
    await expect(added).toBeChecked();
    await expect(added).toBeFocused();

    // Arrow keys move the choice to the neighbouring tile, as in any radio group.
    await page.keyboard.press("ArrowUp");
    await expect(added).not.toBeChecked();
    const chosen = page
      .getByRole("radiogroup", { name: "Axonius credentials" })
      .getByRole("radio", { checked: true });
    await expect(chosen).toBeFocused();
    const chosenName = await chosen.evaluate(
      (radio) => (radio as HTMLInputElement).labels?.[0]?.textContent ?? "",
    );
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 2, name: "Configure" })).toBeFocused();
    await expect(page.getByRole("link", { name: chosenName, exact: true })).toBeVisible();

    // The step list is links: back to Authenticate from the keyboard.
    await tabTo(page, stepLink(page, "Authenticate"), { backwards: true });
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 2, name: "Authenticate" })).toBeFocused();
    await expect(page.getByRole("radio", { name: chosenName, exact: true })).toBeChecked();
  });
});
