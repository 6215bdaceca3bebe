/**
 * The Axonius seed's data flow end to end, by its labels, against the fake Axonius on loopback:
 * Create data flow → Axonius → Add Credential → Configure (name, schedule, a refused cron) →
 * Review → "Create data flow"; "Run now" opens the run's page, whose progress bar moves while
 * the run goes and reaches 100 %; the devices appear under Devices with their source; a second
 * run updates instead of copying; the Data flows list pauses, resumes, edits and deletes.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { type FakeAxonius, startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { addCredentialInWizard, openAuthenticateStep, uniqueCredentialName } from "./credential-steps";
import {
  createDataFlowThroughWizard,
  credentialForFake,
  DATA_FLOWS_PATH,
  uniqueFlowName,
} from "./data-flow-steps";
import { FAKE_AXONIUS_HOST_URL, FAKE_AXONIUS_PORT } from "./fake-axonius-port";
import { E2E_ADMIN_PASSWORD, expect, NORTHWIND_ADMIN_EMAIL, signIn, test } from "./fixtures";

const SECRETS = {
  apiKey: `axk-${randomBytes(12).toString("hex")}`,
  apiSecret: `axs-${randomBytes(12).toString("hex")}`,
};
const DEVICES = 3_000;

let fake: FakeAxonius;

test.beforeAll(async () => {
  // Each devices page answers after 1.2 s, so the run lasts long enough to watch it move.
  fake = await startFakeAxonius({
    port: FAKE_AXONIUS_PORT,
    ...SECRETS,
    deviceCount: DEVICES,
    faults: ["devices:slow=1200"],
  });
});

test.afterAll(async () => {
  await fake?.close();
});

const number = (value: number) => value.toLocaleString("en");

/** The run page's figure under a label ("Read", "Created", …). */
const count = (page: Page, label: string) =>
  page
    .getByRole("region", { name: "Records" })
    .getByText(label, { exact: true })
    .locator("xpath=following-sibling::dd");

/** The run page's figures, as numbers. */
async function readCounts(
  page: Page,
): Promise<Record<"Created" | "Updated" | "Unchanged" | "Skipped", number>> {
  const read = async (label: string) => Number((await count(page, label).textContent())?.replace(/,/g, ""));
  return {
    Created: await read("Created"),
    Updated: await read("Updated"),
    Unchanged: await read("Unchanged"),
    Skipped: await read("Skipped"),
  };
}

/** Waits for the run on this page to succeed, noting every value its progress bar showed on the way. */
async function watchRunToTheEnd(page: Page): Promise<{ now: number; max: number }[]> {
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  const seen: { now: number; max: number }[] = [];
  await expect
    .poll(
      async () => {
        const [now, max] = await Promise.all([
          bar.getAttribute("aria-valuenow"),
          bar.getAttribute("aria-valuemax"),
        ]);
        if (now !== null && max !== null) seen.push({ now: Number(now), max: Number(max) });
        return page.getByRole("status").filter({ hasText: "Status:" }).textContent();
      },
      { timeout: 60_000, intervals: [200] },
    )
    .toContain("Succeeded");
  return seen;
}

test.describe("data flows", () => {
  test("build an Axonius flow by its labels, Run now, watch the progress reach 100 %, and find the devices", async ({
    adminPage: page,
  }, testInfo) => {
    const flowName = uniqueFlowName(testInfo, "Nightly devices");
    const credential = credentialForFake(uniqueCredentialName(testInfo, "Flow Axonius"), SECRETS);

    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data flows" }).click();
    await page.getByRole("link", { name: "Create data flow" }).first().click();
    await page.getByRole("radio", { name: "Axonius" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await addCredentialInWizard(page, credential);
    await page.getByRole("button", { name: "Continue" }).click();

    // Configure: the mapping is shown read-only; a bad schedule and a missing name are refused on their fields.
    await expect(page.getByRole("heading", { level: 2, name: "Configure" })).toBeFocused();
    const mapping = page.getByRole("table", { name: "Field mapping" });
    await expect(mapping).toContainText("specific_data.data.device_serial");
    await expect(mapping.getByRole("row")).toHaveCount(7);
    await expect(page.getByRole("radio", { name: "Devices" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Manual", exact: true })).toBeChecked();
    await page.getByRole("radio", { name: "Cron expression" }).check();
    await page.getByRole("textbox", { name: "Cron expression (UTC)" }).fill("* * * * *");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("Data flow name")).toHaveAccessibleDescription("Data flow name is required");
    await expect(page.getByRole("textbox", { name: "Cron expression (UTC)" })).toHaveAccessibleDescription(
      "A data flow runs at most every 5 minutes",
    );
    await expect(page.getByRole("heading", { level: 2, name: "Configure" })).toBeVisible();

    await page.getByLabel("Data flow name").fill(flowName);
    await page.getByRole("textbox", { name: "Cron expression (UTC)" }).fill("0 6 * * 1-5");
    await page.getByRole("button", { name: "Continue" }).click();

    // Review shows it all; Back keeps what was typed.
    await expect(page.getByRole("heading", { level: 2, name: "Review" })).toBeFocused();
    const review = page.getByRole("region", { name: "Review" });
    await expect(review).toContainText(flowName);
    await expect(review).toContainText(credential.name);
    await expect(review).toContainText("Cron 0 6 * * 1-5 (UTC)");
    await expect(review).toContainText("None: every device");
    await page.getByRole("link", { name: "Back" }).click();
    await expect(page.getByLabel("Data flow name")).toHaveValue(flowName);
    await page.getByRole("radio", { name: "Manual", exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(review).toContainText("None: runs when you click Run now");
    await page.getByRole("button", { name: "Create data flow" }).click();

    // The flow's page: Run now opens the run's page, whose bar moves and reaches 100 %.
    await expect(page.getByRole("heading", { level: 1, name: flowName })).toBeVisible();
    await expect(page.getByText("This data flow has not run yet.")).toBeVisible();
    await page.getByRole("button", { name: "Run now" }).click();
    await expect(page).toHaveURL(/\/data-flows\/[0-9a-f-]{36}\/runs\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: `Run of ${flowName}` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel" })).toBeVisible();
    const seen = await watchRunToTheEnd(page);
    expect(
      seen.some((value) => value.now > 0 && value.now < value.max),
      `values seen: ${JSON.stringify(seen)}`,
    ).toBe(true);
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    await expect(bar).toHaveAttribute("aria-valuenow", String(DEVICES));
    await expect(bar).toHaveAttribute("aria-valuemax", String(DEVICES));
    await expect(bar).toHaveAccessibleName("Import progress");
    await expect(
      page.getByText(new RegExp(`^${number(DEVICES)} devices read from \\d+ pages: complete$`)),
    ).toBeVisible();
    await expect(count(page, "Read")).toHaveText(number(DEVICES));
    // Every device read is created, updated, unchanged or skipped; an earlier test may have
    // imported some of the same instance's devices already (same instance, same devices).
    const figures = await readCounts(page);
    expect(figures.Created + figures.Updated + figures.Unchanged + figures.Skipped).toBe(DEVICES);
    expect(figures.Created).toBeGreaterThan(DEVICES * 0.9);
    await expect(page.getByRole("button", { name: "Cancel" })).toHaveCount(0);

    // The devices are ordinary devices, with their source.
    await page.getByRole("link", { name: "View imported devices" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Devices" })).toBeVisible();
    await expect(page.getByText(`Showing devices imported from ${FAKE_AXONIUS_HOST_URL}`)).toBeVisible();
    await page.getByRole("searchbox", { name: "Search devices" }).fill("host-00002.corp");
    await page.getByRole("searchbox", { name: "Search devices" }).press("Enter");
    const row = page.getByRole("row").filter({ hasText: "host-00002.corp.example" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`Axonius · ${FAKE_AXONIUS_HOST_URL}`);
    await expect(row).toContainText("SN0000002");

    // A second run updates what the first imported: nothing new.
    await page.goto(DATA_FLOWS_PATH);
    const listed = page.getByRole("row").filter({ hasText: flowName });
    await expect(listed).toContainText("Succeeded");
    await expect(listed).toContainText(credential.name);
    await expect(listed).toContainText("Manual");
    await listed.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Run of ${flowName}` })).toBeVisible();
    await watchRunToTheEnd(page);
    await expect(count(page, "Created")).toHaveText("0");
    await expect(count(page, "Updated")).toHaveText("0");
    await expect(count(page, "Unchanged")).toHaveText(number(DEVICES - figures.Skipped));
  });

  test("the Data flows list pauses, resumes, edits and deletes a flow, and says why Run now is refused", async ({
    adminPage: page,
  }, testInfo) => {
    const flowName = uniqueFlowName(testInfo, "Weekly devices");
    await openAuthenticateStep(page);
    await addCredentialInWizard(
      page,
      credentialForFake(uniqueCredentialName(testInfo, "List Axonius"), SECRETS),
    );
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Data flow name").fill(flowName);
    await page.getByRole("radio", { name: "Every hour" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Create data flow" }).click();
    await expect(page.getByRole("heading", { level: 1, name: flowName })).toBeVisible();

    await page.goto(`${DATA_FLOWS_PATH}?q=${encodeURIComponent(flowName)}`);
    const row = page.getByRole("row").filter({ hasText: flowName });
    await expect(row).toContainText("Every hour");
    await expect(row).toContainText("Never");
    await row.getByRole("button", { name: `Pause: ${flowName}` }).click();
    await expect(row).toContainText(/Paused/);
    await expect(row.getByRole("button", { name: `Run now: ${flowName}` })).toBeDisabled();
    await row.getByRole("button", { name: `Resume: ${flowName}` }).click();
    await expect(row.getByRole("button", { name: `Run now: ${flowName}` })).toBeEnabled();

    // Edit opens the flow's settings; the change shows in the list and the history.
    await row.getByRole("link", { name: `Edit: ${flowName}` }).click();
    const settings = page.getByRole("form", { name: "Edit data flow" });
    await settings.getByRole("radio", { name: "Every day" }).check();
    await settings.getByRole("button", { name: "Save changes" }).click();
    await expect(settings.getByRole("status")).toHaveText("Changes saved.");
    const history = page.getByRole("region", { name: "History" });
    await expect(history).toContainText("schedule: hourly → daily");
    await expect(history).toContainText("Paused");
    await expect(history).toContainText("Resumed");

    await page.goto(`${DATA_FLOWS_PATH}?q=${encodeURIComponent(flowName)}`);
    await expect(row).toContainText("Every day");
    await row.getByRole("button", { name: `Delete: ${flowName}` }).click();
    const dialog = page.getByRole("dialog", { name: `Delete ${flowName}?` });
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
    await expect(page.getByText("No data flow matches the search.")).toBeVisible();
  });

  test("another organization's administrator finds none of this organization's flows, runs or imported devices", async ({
    adminPage,
    page,
  }, testInfo) => {
    const flowName = uniqueFlowName(testInfo, "Demo only flow");
    await createDataFlowThroughWizard(adminPage, {
      name: flowName,
      credential: credentialForFake(uniqueCredentialName(testInfo, "Demo only Axonius"), SECRETS),
    });
    await adminPage.getByRole("button", { name: "Run now" }).click();
    await expect(adminPage.getByRole("heading", { level: 1, name: `Run of ${flowName}` })).toBeVisible();
    const runPath = new URL(adminPage.url()).pathname;
    const flowPath = runPath.split("/runs/")[0] ?? "";
    await watchRunToTheEnd(adminPage);

    await signIn(page, NORTHWIND_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    for (const path of [flowPath, runPath, `${DATA_FLOWS_PATH}/not-a-flow`, `${flowPath}/runs/not-a-run`]) {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    await page.goto(`${DATA_FLOWS_PATH}?q=${encodeURIComponent(flowName)}`);
    await expect(page.getByText("No data flow matches the search.")).toBeVisible();
    await page.goto("/devices?source=axonius");
    await expect(page.getByText("host-00001.corp.example")).toHaveCount(0);
  });

  test("Cancel stops a running run after the page in hand; Retry starts a new run of the flow", async ({
    adminPage: page,
  }, testInfo) => {
    const flowName = uniqueFlowName(testInfo, "Cancelled devices");
    await createDataFlowThroughWizard(page, {
      name: flowName,
      credential: credentialForFake(uniqueCredentialName(testInfo, "Cancel Axonius"), SECRETS),
    });
    await page.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Run of ${flowName}` })).toBeVisible();
    await page.getByRole("button", { name: "Cancel" }).click();
    const status = page.getByRole("status").filter({ hasText: "Status:" });
    await expect(status).toContainText("Cancelled", { timeout: 30_000 });
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    expect(Number((await bar.getAttribute("aria-valuenow")) ?? 0)).toBeLessThan(DEVICES);
    const cancelledRun = page.url();

    await page.getByRole("button", { name: "Retry" }).click();
    await expect(page).not.toHaveURL(cancelledRun);
    await expect(page.getByText(/^Retry run, queued/)).toBeVisible();
    await watchRunToTheEnd(page);
    await page.getByRole("link", { name: flowName }).click();
    const history = page.getByRole("region", { name: "Runs" });
    await expect(history.getByRole("row")).toHaveCount(3);
    await expect(history.getByRole("row").nth(1)).toContainText("Succeeded");
    await expect(history.getByRole("row").nth(1)).toContainText("Retry");
    await expect(history.getByRole("row").nth(2)).toContainText("Cancelled");
  });
});
