/**
 * Steps of the audit log, by visible labels as an administrator takes them.
 */
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export const AUDIT_LOG_PATH = "/admin/audit-log";

/** Admin → Security & Integrations → Audit log. */
export async function openAuditLog(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page
    .getByRole("region", { name: "Security & Integrations" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await expect(page).toHaveURL(AUDIT_LOG_PATH);
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
}

/** Chooses one action in the filters and applies them. */
export async function filterByAction(page: Page, action: string): Promise<void> {
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  const select = filters.getByLabel("Action", { exact: true });
  await select.selectOption({ label: action });
  const value = await select.inputValue();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]action=${value.replaceAll(".", "\\.")}(&|$)`));
}

/** The audit log's row about one target (a client's ID, say). */
export function eventRow(page: Page, targetId: string) {
  return page.getByRole("table", { name: "Audit log of your organization" }).getByRole("row").filter({
    hasText: targetId,
  });
}
