/**
 * Steps of the Webhooks pages, done by visible labels as an administrator does them, and the
 * receiver the e2e server may deliver to (its port is in LATCHKEY_OUTBOUND_ALLOW_HOSTS).
 */
import http from "node:http";
import type { Page, TestInfo } from "@playwright/test";
import { expect } from "./fixtures";
import { WEBHOOK_RECEIVER_PORT, WEBHOOK_RECEIVER_URL } from "./webhook-receiver-port";

export const WEBHOOKS_PATH = "/admin/webhooks";

/** An endpoint URL on the e2e receiver that no other test (or earlier run) uses. */
export function uniqueEndpointUrl(testInfo: TestInfo, label: string): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return `${WEBHOOK_RECEIVER_URL}/${slug}-${Date.now().toString(36)}${testInfo.workerIndex}${testInfo.retry}`;
}

/** Admin → Security & Integrations → Webhooks. */
export async function openWebhooks(page: Page): Promise<void> {
  await page.goto("/admin");
  await page
    .getByRole("region", { name: "Security & Integrations" })
    .getByRole("link", { name: "Webhooks" })
    .click();
  await expect(page).toHaveURL(WEBHOOKS_PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
}

/**
 * Webhooks → "Add endpoint": the URL and the events (by their labels), "Save"; reads the
 * signing secret from the one-time dialog, closes it, and waits for the endpoint's page.
 */
export async function addEndpointThroughForm(
  page: Page,
  values: { url: string; events: readonly string[]; description?: string },
): Promise<string> {
  await openWebhooks(page);
  await page.getByRole("link", { name: "Add endpoint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add endpoint" })).toBeVisible();
  await page.getByLabel("Endpoint URL").fill(values.url);
  if (values.description) await page.getByLabel("Description").fill(values.description);
  const events = page.getByRole("group", { name: "Events" });
  for (const event of values.events) await events.getByRole("checkbox", { name: event }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Webhook endpoint added" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("It will not be shown again");
  const secret = await dialog.getByLabel("Signing secret", { exact: true }).inputValue();
  await expect(dialog.getByLabel("Endpoint URL", { exact: true })).toHaveValue(values.url);
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.getByRole("button", { name: "Yes, I saved it" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: values.url })).toBeVisible();
  return secret;
}

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on the allow-listed loopback port, answering 200 and keeping what it got. */
export async function startWebhookReceiver() {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.statusCode = 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(WEBHOOK_RECEIVER_PORT, "127.0.0.1", resolve));
  return {
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
