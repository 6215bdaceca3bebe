/**
 * The connectors an outbound credential can be for: the one list of them. The schema's enum,
 * the credential forms' labels and the data flow wizard's tiles are all read from here.
 */
export const OUTBOUND_CONNECTOR_KEYS = ["axonius"] as const;
export type OutboundConnectorKey = (typeof OUTBOUND_CONNECTOR_KEYS)[number];

export interface OutboundConnector {
  key: OutboundConnectorKey;
  /** The connector's name on its tile and in lists. */
  label: string;
  /** Labels of the credential form's connector-specific fields, as people find them. */
  fieldLabels: {
    hostUrl: string;
    apiKey: string;
    clientSecret: string;
  };
  /** An example host URL for the form's hint. */
  exampleHostUrl: string;
}

export const OUTBOUND_CONNECTORS: Record<OutboundConnectorKey, OutboundConnector> = {
  axonius: {
    key: "axonius",
    label: "Axonius",
    fieldLabels: {
      hostUrl: "Axonius Host URL",
      apiKey: "Axonius API Key",
      clientSecret: "Axonius Client Secret",
    },
    exampleHostUrl: "https://your-instance.axonius.com",
  },
};

export function isOutboundConnectorKey(value: string): value is OutboundConnectorKey {
  return (OUTBOUND_CONNECTOR_KEYS as readonly string[]).includes(value);
}
