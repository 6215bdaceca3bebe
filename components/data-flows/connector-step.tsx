import Form from "next/form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import { RadioTile } from "./radio-tile";
import { WIZARD_PATH, type WizardState } from "./wizard-state";

export interface ConnectorChoice {
  key: OutboundConnectorKey;
  label: string;
  description: string;
}

/** Step "Connector": a tile per connector Latchkey has; "Continue" opens Authenticate. */
export function ConnectorStep({
  connectors,
  state,
  error,
}: {
  connectors: readonly ConnectorChoice[];
  state: WizardState;
  error: string | null;
}) {
  return (
    <Form action={WIZARD_PATH} className="space-y-4">
      <input type="hidden" name="step" value="authenticate" />
      {state.credentialId ? <input type="hidden" name="credential" value={state.credentialId} /> : null}
      <p className="text-sm text-slate-600">Choose the system the data flow imports from.</p>
      <FormMessage message={error ?? undefined} />
      <div role="radiogroup" aria-labelledby="connector-choices-label">
        <p id="connector-choices-label" className="sr-only">
          Connector
        </p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {connectors.map((connector) => (
            <RadioTile
              key={connector.key}
              id={`connector-${connector.key}`}
              name="connector"
              value={connector.key}
              checked={state.connector === connector.key}
              title={connector.label}
              details={<p>{connector.description}</p>}
            />
          ))}
        </div>
      </div>
      <div className="flex gap-2 border-t border-slate-200 pt-4">
        <Button type="submit">Continue</Button>
      </div>
    </Form>
  );
}
