import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { createClientThroughForm, openClient, uniqueClientName } from "./api-client-steps";
import { AUDIT_LOG_PATH, eventRow, filterByAction, openAuditLog } from "./audit-log-steps";
import { DEMO_ADMIN_EMAIL, expect, test } from "./fixtures";
import { signInAsNewMember } from "./member-steps";

test.describe("audit log", () => {
  test("an administrator finds the change they just made, opens it, and exports it", async ({
    adminPage: page,
  }, testInfo) => {
    const name = uniqueClientName(testInfo, "Audited client");
    const { clientId } = await createClientThroughForm(page, name, ["Cases Read"]);
    await openClient(page, name);
    await page.getByRole("button", { name: "Disable client" }).click();
    await expect(page.getByRole("button", { name: "Enable client" })).toBeVisible();

    await openAuditLog(page);
    await filterByAction(page, "Client created");
    const row = eventRow(page, clientId);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(DEMO_ADMIN_EMAIL);
    await expect(row).toContainText("Success");
    await row.getByRole("link", { name: "Client created" }).click();

    await expect(page.getByRole("heading", { name: "Client created", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(
      "Admin/Security & Integrations/Audit log/Client created",
    );
    const details = page.getByRole("region", { name: "Details" });
    await expect(details).toContainText(name);
    await expect(details).toContainText("cases:read");
    await expect(page.getByText(clientId, { exact: true })).toBeVisible();

    // The disabling, as a change from one status to the other.
    await page.getByRole("link", { name: "Audit log" }).click();
    await filterByAction(page, "Client disabled");
    await eventRow(page, clientId).getByRole("link", { name: "Client disabled" }).click();
    const changes = page.getByRole("table", { name: "What the event changed" });
    await expect(changes.getByRole("row", { name: /Status/ })).toContainText("active");
    await expect(changes.getByRole("row", { name: /Status/ })).toContainText("disabled");

    // The export holds what the list shows, filtered the same way.
    await page.goBack();
    await filterByAction(page, "Client created");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^audit-log-.*\.csv$/);
    const text = fs.readFileSync(await download.path(), "utf8");
    const records = parse(text, { columns: true }) as Record<string, string>[];
    const exported = records.find((record) => record.target_id === clientId);
    expect(exported).toMatchObject({
      action: "api_client.created",
      action_label: "Client created",
      actor_label: DEMO_ADMIN_EMAIL,
      outcome: "success",
    });
    expect(JSON.parse(exported?.details ?? "{}")).toMatchObject({ name, permissions: ["cases:read"] });
    expect(records.every((record) => record.action === "api_client.created")).toBe(true);

    // Taking the export is itself in the log.
    await page.goto(AUDIT_LOG_PATH);
    await filterByAction(page, "Audit log exported");
    await expect(
      page.getByRole("table").getByRole("link", { name: "Audit log exported" }).first(),
    ).toBeVisible();
  });

  test("a member who is not a console administrator sees neither the log nor an export", async ({
    adminPage,
    page,
  }, testInfo) => {
    await signInAsNewMember(adminPage, page, testInfo, "audit-member");
    const response = await page.goto(AUDIT_LOG_PATH);
    expect(response?.status()).toBe(403);
    await expect(
      page.getByRole("heading", { level: 1, name: "You do not have access to this page." }),
    ).toBeVisible();
    const exported = await page.request.get(`${AUDIT_LOG_PATH}/export?format=csv`);
    expect(exported.status()).toBe(403);
    expect(await exported.text()).not.toContain("api_client");
  });
});
