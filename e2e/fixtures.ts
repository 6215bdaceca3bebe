/**
 * Shared e2e fixtures: the seeded accounts, signing in and out as a person does, and an
 * `adminPage` already signed in as Demo Agency's administrator.
 */
import { type Browser, test as base, expect, type Page, type TestInfo } from "@playwright/test";
import { DEMO_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./test-accounts";

export * from "./test-accounts";

/** Fills and submits the sign-in form; does not wait for the outcome. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the console shows the signed-in user. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await submitSignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByText(email).first()).toBeVisible();
}

/** Signs out through the header, opening the user menu first if "Sign out" sits inside it. */
export async function signOut(page: Page): Promise<void> {
  const signOutButton = page.getByRole("button", { name: "Sign out" });
  if (!(await signOutButton.isVisible())) {
    await page.getByRole("banner").getByRole("button", { name: /@/ }).click();
  }
  await signOutButton.click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** An email address no other test (or earlier run on the same server) uses. */
export function uniqueEmail(testInfo: TestInfo, label: string): string {
  const suffix = `${Date.now().toString(36)}${testInfo.workerIndex}${testInfo.retry}`;
  return `e2e-${label}-${suffix}@example.com`;
}

async function signedInState(browser: Browser, baseURL: string | undefined, email: string, password: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email, password);
  const state = await context.storageState();
  await context.close();
  return state;
}

type StorageState = Awaited<ReturnType<typeof signedInState>>;

export const test = base.extend<{ adminPage: Page }, { adminState: StorageState }>({
  // Signed in once per worker: sign-in attempts are rate-limited per account and per address,
  // and every test here comes from 127.0.0.1.
  adminState: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL } = workerInfo.project.use;
      await use(await signedInState(browser, baseURL, DEMO_ADMIN_EMAIL, E2E_ADMIN_PASSWORD));
    },
    { scope: "worker" },
  ],
  adminPage: async ({ browser, baseURL, adminState }, use) => {
    const context = await browser.newContext({ baseURL, storageState: adminState });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };
