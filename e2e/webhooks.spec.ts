/**
 * The Webhooks page by its labels: Admin → Security & Integrations → Webhooks → "Add endpoint"
 * with a receiver on loopback (its port listed in LATCHKEY_OUTBOUND_ALLOW_HOSTS by
 * playwright.config.ts), the signing secret shown once, "Send test event", the delivery logged
 * with 200, and a signature the receiver verifies by the Standard Webhooks specification.
 */
import { createHmac } from "node:crypto";
import { expect, test } from "./fixtures";
import {
  addEndpointThroughForm,
  openWebhooks,
  type ReceivedRequest,
  startWebhookReceiver,
  uniqueEndpointUrl,
} from "./webhook-steps";

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

test.afterAll(async () => {
  await receiver?.close();
});

/** The spec's check, written here with node:crypto: HMAC-SHA256 of "id.timestamp.body" under the decoded secret. */
function signedBy(secret: string, request: ReceivedRequest): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key)
    .update(`${request.headers["webhook-id"]}.${request.headers["webhook-timestamp"]}.${request.body}`)
    .digest("base64");
  return String(request.headers["webhook-signature"])
    .split(" ")
    .some((signature) => signature === `v1,${expected}`);
}

test.describe("webhooks", () => {
  test("Add endpoint, see the secret once, Send test event: delivered with 200 and a verifiable signature", async ({
    adminPage: page,
  }, testInfo) => {
    const url = uniqueEndpointUrl(testInfo, "test event");
    const secret = await addEndpointThroughForm(page, {
      url,
      description: "Operations pager",
      events: ["Data flow run failed", "Client disabled"],
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    // The page never shows the secret again.
    await expect(page.getByText("Stored encrypted; never shown.")).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByText("Client disabled, Data flow run failed", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Test event queued" })).toBeVisible();
    const deliveries = page.getByRole("region", { name: "Deliveries" }).getByRole("table");
    const row = deliveries.getByRole("row").filter({ hasText: "Test event" }).first();
    await expect(row).toContainText("Delivered", { timeout: 30_000 });
    await expect(row.getByRole("cell").nth(2)).toHaveText("200");
    await expect(row).toContainText("1 of 7");
    await expect(row).toContainText(/\d+ ms/);

    const path = new URL(url).pathname;
    const got = receiver.received.filter((request) => request.path === path);
    expect(got).toHaveLength(1);
    const [request] = got;
    if (!request) throw new Error("nothing received");
    expect(request.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    await expect(row).toContainText(String(request.headers["webhook-id"]));
    expect(JSON.parse(request.body)).toMatchObject({
      type: "webhook.test",
      data: { sentBy: expect.any(String) },
    });
    expect(signedBy(secret, request)).toBe(true);
    expect(signedBy(`whsec_${Buffer.alloc(32, 1).toString("base64")}`, request)).toBe(false);

    // The list shows the endpoint with its events, status and last delivery.
    await openWebhooks(page);
    const listed = page.getByRole("row").filter({ has: page.getByRole("link", { name: url, exact: true }) });
    await expect(listed).toContainText("Client disabled, Data flow run failed");
    await expect(listed).toContainText("Enabled");
    await expect(listed).toContainText("Delivered · HTTP 200");
  });

  test("a private URL is refused on the field, and nothing is saved", async ({ adminPage: page }) => {
    await openWebhooks(page);
    await page.getByRole("link", { name: "Add endpoint" }).click();
    await page.getByLabel("Endpoint URL").fill("https://10.0.0.5/hooks");
    await page
      .getByRole("group", { name: "Events" })
      .getByRole("checkbox", { name: "Client disabled" })
      .check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(
      page.getByText("The host is a private address (10.0.0.5), which Latchkey does not call"),
    ).toBeVisible();
    await expect(page.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("dialog")).toHaveCount(0);

    await page.getByLabel("Endpoint URL").fill("https://hooks.example.com/in");
    await page
      .getByRole("group", { name: "Events" })
      .getByRole("checkbox", { name: "Client disabled" })
      .uncheck();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Choose at least one event")).toBeVisible();
  });

  test("Rotate secret shows a new secret once; Redeliver sends the message again under both signatures", async ({
    adminPage: page,
  }, testInfo) => {
    const url = uniqueEndpointUrl(testInfo, "rotation");
    const first = await addEndpointThroughForm(page, { url, events: ["Unused permissions"] });
    await page.getByRole("button", { name: "Send test event" }).click();
    const deliveries = page.getByRole("region", { name: "Deliveries" }).getByRole("table");
    await expect(deliveries.getByRole("row").nth(1)).toContainText("Delivered", { timeout: 30_000 });

    await page.getByRole("button", { name: "Rotate secret" }).click();
    await page
      .getByRole("dialog", { name: "Rotate the signing secret?" })
      .getByRole("button", { name: "Rotate" })
      .click();
    const dialog = page.getByRole("dialog", { name: "New signing secret" });
    const second = await dialog.getByLabel("Signing secret", { exact: true }).inputValue();
    expect(second).not.toBe(first);
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.getByRole("button", { name: "Yes, I saved it" }).click();
    await expect(page.getByText(/The previous secret also signs until/)).toBeVisible();

    await deliveries
      .getByRole("button", { name: /^Redeliver Test event/ })
      .first()
      .click();
    await expect(deliveries.getByRole("row").filter({ hasText: "(redelivery)" })).toContainText("Delivered", {
      timeout: 30_000,
    });
    const got = receiver.received.filter((request) => request.path === new URL(url).pathname);
    expect(got).toHaveLength(2);
    expect(got[1]?.headers["webhook-id"]).toBe(got[0]?.headers["webhook-id"]);
    expect(String(got[1]?.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(got[1] && signedBy(second, got[1])).toBe(true);
    expect(got[1] && signedBy(first, got[1])).toBe(true);

    const history = page.getByRole("region", { name: "History" });
    await expect(history).toContainText("Secret rotated");
    await expect(history).toContainText("Redelivered");
    await expect(history).toContainText("Test event sent");
  });
});
