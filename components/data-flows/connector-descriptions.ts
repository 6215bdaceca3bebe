import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";

/** What each connector's tile says it does; a new connector fails to compile until it has one. */
export const CONNECTOR_DESCRIPTIONS: Record<OutboundConnectorKey, string> = {
  axonius:
    "Imports devices from an Axonius instance through its REST API, authenticated by an API key and client secret.",
};
