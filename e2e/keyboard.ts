/**
 * Moving through the console as a keyboard user does: Tab and Shift+Tab from control to control,
 * and asking the browser what has focus.
 */
import type { Locator, Page } from "@playwright/test";

/** Presses Tab (or Shift+Tab) until the target has focus; fails after `limit` presses. */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, limit = 80 }: { backwards?: boolean; limit?: number } = {},
): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await isFocused(target)) return presses;
  }
  throw new Error(
    `${target} did not get focus within ${limit} presses of ${backwards ? "Shift+Tab" : "Tab"}`,
  );
}

export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement).catch(() => false);
}

/** A short description of what has focus now, for assertions that say where it went instead. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return "nothing (the page body)";
    const name = active.getAttribute("aria-label") ?? active.textContent?.trim().slice(0, 60) ?? "";
    return `<${active.tagName.toLowerCase()}> ${name}`;
  });
}

/** Whether focus is on an element inside `container` (e.g. an open dialog). */
export async function focusIsInside(container: Locator): Promise<boolean> {
  return container.evaluate((element) => element.contains(document.activeElement));
}
