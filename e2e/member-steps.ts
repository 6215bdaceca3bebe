import type { Page, TestInfo } from "@playwright/test";
import { expect, signIn, uniqueEmail } from "./fixtures";

const MEMBER_PASSWORD = "Accessible-Member-Pass-7";

/** Creates an Investigator (no console admin) through Admin → Users and signs them in on `page`. */
export async function signInAsNewMember(
  admin: Page,
  page: Page,
  testInfo: TestInfo,
  label = "a11y-member",
): Promise<void> {
  const email = uniqueEmail(testInfo, label);
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Name", { exact: true }).fill("Ada Member");
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Password", { exact: true }).fill(MEMBER_PASSWORD);
  await admin.getByLabel("Role", { exact: true }).selectOption({ label: "Investigator" });
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin).toHaveURL(/\/admin\/users(\?.*)?$/);
  await signIn(page, email, MEMBER_PASSWORD);
}
