import type { Page, TestInfo } from "@playwright/test";
import {
  addCredentialInWizard,
  type CredentialValues,
  openAuthenticateStep,
  uniqueCredentialName,
} from "./credential-steps";
import { FAKE_AXONIUS_HOST_URL } from "./fake-axonius-port";
import { expect } from "./fixtures";

export const DATA_FLOWS_PATH = "/data-flows";

/** A data flow name no other test (or earlier run on the same server) uses. */
export function uniqueFlowName(testInfo: TestInfo, label: string): string {
  return uniqueCredentialName(testInfo, label);
}

/**
 * Create data flow → Axonius → Add Credential (these values) → Continue → Configure (the
 * name, the schedule's label) → Continue → Review → "Create data flow"; waits for the flow's page.
 */
export async function createDataFlowThroughWizard(
  page: Page,
  flow: { name: string; credential: CredentialValues; schedule?: string },
): Promise<void> {
  await openAuthenticateStep(page);
  await addCredentialInWizard(page, flow.credential);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Configure" })).toBeVisible();
  await page.getByLabel("Data flow name").fill(flow.name);
  await page.getByRole("radio", { name: flow.schedule ?? "Manual", exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Review" })).toBeVisible();
  await page.getByRole("button", { name: "Create data flow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: flow.name })).toBeVisible();
}

/** Credential values for the e2e fake Axonius with the secrets it accepts. */
export function credentialForFake(
  name: string,
  secrets: { apiKey: string; apiSecret: string },
): CredentialValues {
  return { name, hostUrl: FAKE_AXONIUS_HOST_URL, apiKey: secrets.apiKey, clientSecret: secrets.apiSecret };
}
