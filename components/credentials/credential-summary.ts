import { formatDateTime } from "@/components/clients/format-date-time";
import { formatApiKeyHint } from "@/lib/outbound-credentials/api-key-hint";
import { OUTBOUND_CONNECTORS, type OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import type { OutboundCredentialRecord } from "@/lib/outbound-credentials/credential-record";

/**
 * A credential as the console's pages and components receive it: the safe fields only (no
 * secret, no sealed value), with dates already formatted on the server.
 */
export interface CredentialSummary {
  id: string;
  connector: OutboundConnectorKey;
  connectorLabel: string;
  name: string;
  description: string;
  hostUrl: string;
  /** The API key's first and last characters (`abcd…wxyz`), or a mask. */
  apiKeyHint: string;
  lastTest: { outcome: "connected" | "failed"; message: string; at: string; atIso: string } | null;
}

export function toCredentialSummary(credential: OutboundCredentialRecord): CredentialSummary {
  const { lastTestOutcome, lastTestMessage, lastTestedAt } = credential;
  return {
    id: credential.id,
    connector: credential.connector,
    connectorLabel: OUTBOUND_CONNECTORS[credential.connector].label,
    name: credential.name,
    description: credential.description,
    hostUrl: credential.hostUrl,
    apiKeyHint: formatApiKeyHint(credential),
    lastTest:
      lastTestOutcome && lastTestedAt
        ? {
            outcome: lastTestOutcome,
            message: lastTestMessage ?? "",
            at: formatDateTime(lastTestedAt),
            atIso: lastTestedAt.toISOString(),
          }
        : null,
  };
}

/** Where a credential is managed. */
export const credentialPath = (id: string) => `/admin/credentials/${id}`;
export const CREDENTIALS_PATH = "/admin/credentials";
