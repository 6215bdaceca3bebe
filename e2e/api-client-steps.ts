/**
 * Steps of the API Access Clients flow, done by visible labels as an administrator does them.
 */
import type { Page, TestInfo } from "@playwright/test";
import { expect } from "./fixtures";

export const LIST_PATH = "/admin/api-settings";

/** A client name no other test (or earlier run on the same server) uses. */
export function uniqueClientName(testInfo: TestInfo, label: string): string {
  return `${label} ${Date.now().toString(36)}${testInfo.workerIndex}${testInfo.retry}`;
}

/** Admin → Security & Integrations → API Settings. */
export async function openApiSettings(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page
    .getByRole("region", { name: "Security & Integrations" })
    .getByRole("link", { name: "API Settings" })
    .click();
  await expect(page).toHaveURL(LIST_PATH);
  await expect(page.getByRole("heading", { name: "API Access Clients", level: 1 })).toBeVisible();
}

export interface ShownSecret {
  secret: string;
  clientId: string;
  partnerId: string;
  description: string;
}

/** Reads the four values of the one-time dialog, which must be open. */
export async function readSecretDialog(page: Page): Promise<ShownSecret> {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("It will not be shown again");
  const value = (label: string) => dialog.getByLabel(label, { exact: true }).inputValue();
  return {
    secret: await value("Secret"),
    clientId: await value("Client ID"),
    partnerId: await value("Partner ID"),
    description: await value("Description"),
  };
}

/** Closes the one-time dialog, confirming that the secret was saved. */
export async function closeSecretDialog(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.getByRole("button", { name: "Yes, I saved it" }).click();
  await expect(dialog).toBeHidden();
}

/** Creates a client from the list page with the given name and allowed cells; returns what the dialog showed. */
export async function createClientThroughForm(
  page: Page,
  name: string,
  cells: readonly string[] = [],
): Promise<ShownSecret> {
  await page.goto(LIST_PATH);
  await page.getByRole("link", { name: "Create Client" }).click();
  await expect(page).toHaveURL(`${LIST_PATH}/clients/new`);
  await page.getByLabel("Client Name").fill(name);
  for (const cell of cells) await page.getByLabel(cell, { exact: true }).selectOption("Allowed");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const shown = await readSecretDialog(page);
  await closeSecretDialog(page);
  await expect(page).toHaveURL(LIST_PATH);
  return shown;
}

export function clientRow(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
}

/** Searches the list for one client and opens its detail page. */
export async function openClient(page: Page, name: string): Promise<void> {
  await page.goto(LIST_PATH);
  await page.getByLabel("Search clients").fill(name);
  await page.getByLabel("Search clients").press("Enter");
  await clientRow(page, name).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

/**
 * Asserts that a value appears nowhere in what the server sends for a path: the rendered
 * page, its raw HTML, and its RSC payload (what client-side navigation fetches).
 */
export async function expectNowhereIn(page: Page, path: string, value: string): Promise<void> {
  await page.goto(path);
  expect(await page.content()).not.toContain(value);
  const html = await page.request.get(path);
  expect(html.status()).toBe(200);
  expect(await html.text()).not.toContain(value);
  const rsc = await page.request.get(path, { headers: { RSC: "1" } });
  expect(await rsc.text()).not.toContain(value);
}
