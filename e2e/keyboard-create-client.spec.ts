import type { Locator, Page } from "@playwright/test";
import { clientRow, LIST_PATH, openClient, uniqueClientName } from "./api-client-steps";
import { expect, test } from "./fixtures";
import { describeFocus, focusIsInside, isFocused, tabTo } from "./keyboard";

/** The controls inside `container` that Tab stops at. */
async function tabStopsIn(container: Locator): Promise<number> {
  return container.evaluate(
    (element) =>
      element.querySelectorAll(
        'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])',
      ).length,
  );
}

/**
 * Tabs (or Shift+Tabs) once around every control of an open modal dialog: focus never leaves
 * it, and comes back to where it started.
 */
async function expectFocusTrappedIn(page: Page, dialog: Locator, backwards = false): Promise<void> {
  const stops = await tabStopsIn(dialog);
  expect(stops).toBeGreaterThan(1);
  const start = await page.evaluate(() => document.activeElement?.outerHTML);
  for (let press = 1; press <= stops; press++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    expect(
      await focusIsInside(dialog),
      `after ${press} × ${backwards ? "Shift+Tab" : "Tab"} focus left the dialog for ${await describeFocus(page)}`,
    ).toBe(true);
  }
  expect(await page.evaluate(() => document.activeElement?.outerHTML), "focus went once around").toBe(start);
}

test.describe("the keyboard alone", () => {
  test("Create Client → permission grid → Save → one-time dialog → confirm close", async ({
    adminPage: page,
  }, testInfo) => {
    const name = uniqueClientName(testInfo, "Keyboard only");
    await page.goto(LIST_PATH);
    await tabTo(page, page.getByRole("link", { name: "Create Client" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`${LIST_PATH}/clients/new`);
    // The link went away with the list: focus lands on the new page's heading, not nowhere.
    await expect(page.getByRole("heading", { level: 1, name: "Create Client" })).toBeFocused();

    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Client Name")).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Description", { exact: true })).toBeFocused();
    await page.keyboard.type("Made without a mouse");

    // A cell is a select: arrow keys change it.
    const casesRead = page.getByLabel("Cases Read", { exact: true });
    await tabTo(page, casesRead);
    await page.keyboard.press("ArrowDown");
    await expect(casesRead).toHaveValue("allowed");
    // A whole row at once with Space; the button stays focused and now offers the reverse.
    const allowEvidence = page.getByRole("button", { name: "Allow all Evidence" });
    await tabTo(page, allowEvidence);
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: "Prohibit all Evidence" })).toBeFocused();
    await expect(page.getByLabel("Evidence Read", { exact: true })).toHaveValue("allowed");
    await expect(page.getByLabel("Evidence Download", { exact: true })).toHaveValue("allowed");
    // Shift+Tab goes back through the grid: the row's last cell comes just before its button.
    await page.keyboard.press("Shift+Tab");
    expect(await describeFocus(page)).toMatch(/^<select> Evidence /);

    await tabTo(page, page.getByRole("button", { name: "Save", exact: true }));
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Client created" });
    await expect(dialog).toBeVisible();
    // Focus starts on the secret, the one thing to copy now, and stays in the dialog both ways.
    await expect(dialog.getByLabel("Secret", { exact: true })).toBeFocused();
    await expectFocusTrappedIn(page, dialog);
    await expectFocusTrappedIn(page, dialog, true);

    // Close asks first; focus moves to the safe answer, not to nothing.
    await tabTo(page, dialog.getByRole("button", { name: "Close" }));
    await page.keyboard.press("Enter");
    const goBack = dialog.getByRole("button", { name: "Go back" });
    await expect(goBack).toBeFocused();
    await expect(dialog.getByRole("group", { name: /Have you saved the secret/ })).toBeVisible();
    await expectFocusTrappedIn(page, dialog);
    // "Go back" returns to the dialog with focus on Close again, and the secret still there.
    await page.keyboard.press("Enter");
    await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
    await expect(dialog.getByLabel("Secret", { exact: true })).toHaveValue(/^lk_cs_/);

    await page.keyboard.press("Space");
    await expect(goBack).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(dialog.getByRole("button", { name: "Yes, I saved it" })).toBeFocused();
    await page.keyboard.press("Space");
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(LIST_PATH);
    await expect(page.getByRole("heading", { level: 1, name: "API Access Clients" })).toBeFocused();
    await expect(clientRow(page, name)).toContainText("Cases: read");
  });

  test("the first Tab offers to skip the header, and the next one lands in the page", async ({
    adminPage: page,
  }) => {
    await page.goto(LIST_PATH);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await focusIsInside(page.getByRole("main")), `focus is on ${await describeFocus(page)}`).toBe(
      true,
    );
  });

  test("a dialog that leaves the page in place gives focus back to the button that opened it", async ({
    adminPage: page,
  }, testInfo) => {
    const name = uniqueClientName(testInfo, "Keyboard focus return");
    await page.goto(`${LIST_PATH}/clients/new`);
    await page.getByLabel("Client Name").fill(name);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, I saved it" }).click();
    await openClient(page, name);

    const deleteButton = page.getByRole("button", { name: "Delete client" });
    await tabTo(page, deleteButton);
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("dialog", { name: `Delete ${name}?` });
    await expect(confirm.getByLabel("Type the client name to confirm")).toBeFocused();
    await expectFocusTrappedIn(page, confirm);
    await tabTo(page, confirm.getByRole("button", { name: "Cancel" }));
    await page.keyboard.press("Enter");
    await expect(confirm).toBeHidden();
    await expect(deleteButton).toBeFocused();

    const rotate = page.getByRole("button", { name: "Rotate secret" });
    await tabTo(page, rotate, { backwards: true });
    await page.keyboard.press("Enter");
    const secret = page.getByRole("dialog", { name: "New client secret" });
    await expect(secret.getByLabel("Secret", { exact: true })).toBeFocused();
    await tabTo(page, secret.getByRole("button", { name: "Close" }));
    await page.keyboard.press("Enter");
    await page.keyboard.press("Shift+Tab");
    await expect(secret.getByRole("button", { name: "Yes, I saved it" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(secret).toBeHidden();
    expect(await isFocused(rotate), `focus is on ${await describeFocus(page)}`).toBe(true);
  });
});
