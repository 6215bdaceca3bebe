import { expect, signIn, signOut, submitSignIn, test, uniqueEmail } from "./fixtures";

const PASSWORD = "Correct-Horse-Battery-17";
/** lib/limits/limit-catalogue.ts: wrong passwords per account from untrusted browsers. */
const ACCOUNT_BUDGET = 10;

test.describe("password guessing", () => {
  test("is bounded per account, yet the owner's browser keeps signing in", async ({
    adminPage,
    browser,
  }, testInfo) => {
    const email = uniqueEmail(testInfo, "guessed");
    await adminPage.goto("/admin/users/new");
    await adminPage.getByLabel("Name", { exact: true }).fill("Guessed Owner");
    await adminPage.getByLabel("Email", { exact: true }).fill(email);
    await adminPage.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await adminPage.getByLabel("Role", { exact: true }).selectOption({ label: "Investigator" });
    await adminPage.getByRole("button", { name: "Create user" }).click();
    await expect(adminPage).toHaveURL(/\/admin\/users(\?.*)?$/);

    // The owner signs in once on their browser, which then holds a device cookie.
    const owner = await browser.newContext();
    const ownerPage = await owner.newPage();
    await signIn(ownerPage, email, PASSWORD);
    expect(
      (await owner.cookies()).some((cookie) => cookie.name === "latchkey_device" && cookie.httpOnly),
    ).toBe(true);
    await signOut(ownerPage);

    // Someone else guesses from another browser until the account's budget is spent…
    const attacker = await browser.newContext();
    const attackerPage = await attacker.newPage();
    for (let attempt = 0; attempt < ACCOUNT_BUDGET; attempt += 1) {
      await submitSignIn(attackerPage, email, `a-guess-${attempt}`);
      await expect(attackerPage.getByText("Incorrect email or password.")).toBeVisible();
    }
    // …after which even the right password is refused there, without saying whether it was right.
    await submitSignIn(attackerPage, email, PASSWORD);
    await expect(
      attackerPage.getByText(/Too many sign-in attempts\. Try again in \d+ minutes?\./),
    ).toBeVisible();
    await expect(attackerPage).toHaveURL(/\/sign-in/);

    // The owner's browser is not locked out by the attacker's failures.
    await signIn(ownerPage, email, PASSWORD);
    await expect(ownerPage).not.toHaveURL(/\/sign-in/);
    await attacker.close();
    await owner.close();
  });
});
