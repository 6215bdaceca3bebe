import { OUTBOUND_CONNECTORS, type OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";

/** The hints under the credential fields, shared by the New Credential dialog and the credential's page. */
export const CREDENTIAL_NAME_HINT = "Up to 100 characters, unique in your organization.";

// The seed's advice on descriptions ("Resource descriptions are recommended but are not required…").
export const CREDENTIAL_DESCRIPTION_HINT =
  "Optional, and recommended: what the credential is for (which instance, what data, how fresh), to help its owner and other users understand and use it.";

export function hostUrlHint(connector: OutboundConnectorKey): string {
  const { label, exampleHostUrl } = OUTBOUND_CONNECTORS[connector];
  return `The complete base URL of your ${label} instance, including the protocol (https://), e.g. ${exampleHostUrl}.`;
}
