import { FormMessage } from "@/components/ui/field";
import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import { RadioTile } from "./radio-tile";

export interface ConnectorChoice {
  key: OutboundConnectorKey;
  label: string;
  description: string;
}

/** Step "Connector": a tile per connector Latchkey has. */
export function ConnectorStep({
  connectors,
  chosen,
  error,
  onChoose,
}: {
  connectors: readonly ConnectorChoice[];
  chosen: OutboundConnectorKey | null;
  error?: string;
  onChoose: (connector: OutboundConnectorKey) => void;
}) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Choose the system the data flow imports from.</p>
      <FormMessage message={error} />
      <div role="radiogroup" aria-labelledby="connector-choices-legend">
        <p id="connector-choices-legend" className="sr-only">
          Connector
        </p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {connectors.map((connector) => (
            <RadioTile
              key={connector.key}
              id={`connector-${connector.key}`}
              name="connector"
              value={connector.key}
              checked={chosen === connector.key}
              onSelect={() => onChoose(connector.key)}
              title={connector.label}
              details={<p>{connector.description}</p>}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
