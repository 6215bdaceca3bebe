import type { OneTimeSecret } from "@/components/secret-dialog/secret-dialog";

export interface IssuedClientSecret {
  clientId: string;
  name: string;
  description: string;
  secret: string;
}

/** Where the connection details come from: the organization and this server's address. */
export interface ConnectionContext {
  partnerId: string;
  /** The token endpoint, e.g. https://latchkey.example/api/oauth/token. */
  tokenUrl: string;
}

/** A file name made from the client's name: `latchkey-payroll-export.env`. */
function envFileName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `latchkey-${slug || "client"}.env`;
}

/** What the one-time dialog shows after Save or a rotation, with its `.env` download. */
export function clientSecretContent(
  title: string,
  issued: IssuedClientSecret,
  context: ConnectionContext,
): OneTimeSecret {
  const content = [
    `# Latchkey API client "${issued.name.replace(/[\r\n"]/g, " ")}"`,
    `LATCHKEY_CLIENT_ID=${issued.clientId}`,
    `LATCHKEY_CLIENT_SECRET=${issued.secret}`,
    `LATCHKEY_PARTNER_ID=${context.partnerId}`,
    `LATCHKEY_TOKEN_URL=${context.tokenUrl}`,
    "",
  ].join("\n");
  return {
    title,
    fields: [
      { label: "Secret", value: issued.secret, secret: true },
      { label: "Client ID", value: issued.clientId },
      { label: "Partner ID", value: context.partnerId },
      { label: "Description", value: issued.description },
    ],
    envFile: { name: envFileName(issued.name), content },
  };
}
