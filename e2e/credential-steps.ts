/**
 * Steps of the outbound credential flows, done by visible labels as an administrator does
 * them, and the check that no typed secret ever comes back to the browser.
 */
import type { Locator, Page, TestInfo } from "@playwright/test";
import { FAKE_AXONIUS_HOST_URL } from "./fake-axonius-port";
import { expect } from "./fixtures";

export const CREDENTIALS_PATH = "/admin/credentials";
export const WIZARD_PATH = "/data-flows/new";

export interface CredentialValues {
  name: string;
  description?: string;
  hostUrl: string;
  apiKey: string;
  clientSecret: string;
}

/** A credential name no other test (or earlier run on the same server) uses. */
export function uniqueCredentialName(testInfo: TestInfo, label: string): string {
  return `${label} ${Date.now().toString(36)}${testInfo.workerIndex}${testInfo.retry}`;
}

/** Values for a credential of the e2e fake Axonius (saving it never calls the host). */
export function fakeAxoniusCredential(name: string, secrets?: { apiKey: string; clientSecret: string }) {
  return {
    name,
    hostUrl: FAKE_AXONIUS_HOST_URL,
    apiKey: secrets?.apiKey ?? `e2e-key-${name.replace(/\W+/g, "-")}`,
    clientSecret: secrets?.clientSecret ?? `e2e-secret-${name.replace(/\W+/g, "-")}`,
  };
}

/** Create data flow → "Axonius" → Continue: the Authenticate step. */
export async function openAuthenticateStep(page: Page): Promise<void> {
  await page.goto(WIZARD_PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Create data flow" })).toBeVisible();
  await page.getByRole("radio", { name: "Axonius" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Authenticate" })).toBeVisible();
}

/** Fills the New Credential dialog, which must be open. */
export async function fillNewCredential(dialog: Locator, values: CredentialValues): Promise<void> {
  await dialog.getByLabel("Credential Name").fill(values.name);
  await dialog.getByLabel("Credential Description").fill(values.description ?? "");
  await dialog.getByLabel("Axonius Host URL").fill(values.hostUrl);
  await dialog.getByLabel("Axonius API Key").fill(values.apiKey);
  await dialog.getByLabel("Axonius Client Secret").fill(values.clientSecret);
}

/** On the Authenticate step: "Add Credential", the dialog filled, "Save"; waits for the selected tile. */
export async function addCredentialInWizard(page: Page, values: CredentialValues): Promise<void> {
  await page.getByRole("button", { name: "Add Credential" }).click();
  const dialog = page.getByRole("dialog", { name: "New Credential" });
  await expect(dialog).toBeVisible();
  await fillNewCredential(dialog, values);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("radio", { name: values.name, exact: true })).toBeChecked();
}

/** Saves a credential through the wizard and opens its page from its tile. */
export async function createCredentialAndOpenIt(page: Page, values: CredentialValues): Promise<void> {
  await openAuthenticateStep(page);
  await addCredentialInWizard(page, values);
  await page.getByRole("link", { name: `View credential ${values.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: values.name })).toBeVisible();
}

export interface Answer {
  url: string;
  method: string;
  body: string;
}

/**
 * Records every page, navigation and server action answer the page receives, with its
 * address: each is fetched on the browser's behalf and handed over whole, so that no body is
 * missed (a body read from a "response" event can already be gone). Returns the answers so far.
 */
export async function recordResponses(page: Page): Promise<() => Answer[]> {
  const answers: Answer[] = [];
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (!["document", "fetch", "xhr"].includes(request.resourceType())) return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    const body = await response.text();
    answers.push({ url: request.url(), method: request.method(), body });
    await route.fulfill({ response, body });
  });
  return () => [...answers];
}

/** A page's HTML as served, and its RSC payload as the router fetches it, with the browser's session. */
export async function fetchPageAndPayload(page: Page, path: string): Promise<Answer[]> {
  const html = await page.request.get(path);
  const rsc = await page.request.get(path, { headers: { RSC: "1" } });
  expect(html.status(), `status of ${path}`).toBe(200);
  expect(rsc.status(), `status of the RSC payload of ${path}`).toBe(200);
  expect(rsc.headers()["content-type"]).toContain("text/x-component");
  return [
    { url: path, method: "GET", body: await html.text() },
    { url: `${path} (RSC)`, method: "GET", body: await rsc.text() },
  ];
}

/** Fails naming each answer that holds any of the secrets. */
export function expectNoSecretIn(answers: readonly Answer[], secrets: readonly string[]) {
  const leaks = answers.flatMap((answer) =>
    secrets.filter((secret) => answer.body.includes(secret)).map(() => answer.url),
  );
  expect(leaks, "answers that sent a typed secret back to the browser").toEqual([]);
}
