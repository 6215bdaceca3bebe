import { DEMO_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, signIn, signOut, test } from "./fixtures";

test.describe("console sessions", () => {
  test("a session cookie copied before sign-out is refused after it", async ({ browser, baseURL }) => {
    const original = await browser.newContext({ baseURL });
    const page = await original.newPage();
    await signIn(page, DEMO_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    const copied = await original.storageState();

    // The copy works while the session lives (as a stolen cookie would).
    const thief = await browser.newContext({ baseURL, storageState: copied });
    const thiefPage = await thief.newPage();
    await thiefPage.goto("/admin");
    await expect(thiefPage).toHaveURL("/admin");

    await signOut(page);

    for (const path of ["/", "/admin", "/admin/api-settings"]) {
      await thiefPage.goto(path);
      await expect(thiefPage, path).toHaveURL(/\/sign-in/);
    }
    await Promise.all([original.close(), thief.close()]);
  });

  test("signing out in one browser leaves the user's other sessions signed in", async ({
    browser,
    baseURL,
  }) => {
    const first = await browser.newContext({ baseURL });
    const second = await browser.newContext({ baseURL });
    const [firstPage, secondPage] = await Promise.all([first.newPage(), second.newPage()]);
    await signIn(firstPage, DEMO_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    await signIn(secondPage, DEMO_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    await signOut(firstPage);
    await secondPage.goto("/admin");
    await expect(secondPage).toHaveURL("/admin");
    await Promise.all([first.close(), second.close()]);
  });
});
