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
import { credentialForFake, DATA_FLOWS_PATH, uniqueFlowName } from "./data-flow-steps";
import { FAKE_AXONIUS_HOST_URL, FAKE_AXONIUS_PORT } from "./fake-axonius-port";
import { expect, test } from "./fixtures";

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
    const created = Number((await count(page, "Created").textContent())?.replace(/,/g, ""));
    const skipped = Number((await count(page, "Skipped").textContent())?.replace(/,/g, ""));
    expect(created + skipped).toBe(DEVICES);
    expect(created).toBeGreaterThan(DEVICES * 0.9);
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
    await expect(count(page, "Unchanged")).toHaveText(number(created));
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
});
