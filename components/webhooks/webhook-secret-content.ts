import type { OneTimeSecret } from "@/components/secret-dialog/secret-dialog";

/** A file name made from the endpoint's host: `latchkey-webhook-hooks-example-com.env`. */
function envFileName(url: string): string {
  let host = "endpoint";
  try {
    host = new URL(url).hostname;
  } catch {
    // Only ever given saved URLs; the fallback name does.
  }
  const slug = host
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `latchkey-webhook-${slug || "endpoint"}.env`;
}

/** What the one-time dialog shows after "Add endpoint" or "Rotate secret", with its `.env` download. */
export function webhookSecretContent(
  title: string,
  endpoint: { url: string },
  secret: string,
): OneTimeSecret {
  return {
    title,
    keptAs: "encrypted",
    fields: [
      { label: "Signing secret", value: secret, secret: true },
      { label: "Endpoint URL", value: endpoint.url },
    ],
    envFile: {
      name: envFileName(endpoint.url),
      content: [
        `# Latchkey webhook signing secret for ${endpoint.url.replace(/[\r\n]/g, " ")}`,
        "# Verify each delivery's webhook-signature with it (Standard Webhooks).",
        `LATCHKEY_WEBHOOK_SECRET=${secret}`,
        "",
      ].join("\n"),
    },
  };
}
