import type { ReactNode } from "react";
import type { CredentialSummary } from "@/components/credentials/credential-summary";
import { AuthenticateStep } from "./authenticate-step";
import { ConfigureStep } from "./configure-step";
import { type ConnectorChoice, ConnectorStep } from "./connector-step";
import { FocusStepHeading } from "./focus-step-heading";
import { ReviewStep } from "./review-step";
import { resolveWizardState, WIZARD_STEPS, type WizardParams, wizardRefusal } from "./wizard-state";
import { WizardStepList } from "./wizard-step-list";

const HEADING_ID = "wizard-step-heading";

/**
 * "Create data flow": Connector → Authenticate → Configure → Review. The step and the choices
 * live in the address (`?step=review&connector=axonius&credential=…&name=…&schedule=…`): each step is a
 * form whose "Continue" asks for the next step with its choice, so a reload, a shared link and
 * the browser's Back button keep the place, and the tiles work before any script has loaded.
 */
export function DataFlowWizard({
  params,
  connectors,
  credentials,
  moreCredentials,
}: {
  params: WizardParams;
  connectors: readonly ConnectorChoice[];
  credentials: readonly CredentialSummary[];
  /** Shown above the credential tiles when the organization has more than they show. */
  moreCredentials?: ReactNode;
}) {
  const state = resolveWizardState(params, {
    connectors: connectors.map((connector) => connector.key),
    credentials,
  });
  const error = wizardRefusal(params.step, state);
  const connector = connectors.find((candidate) => candidate.key === state.connector) ?? null;
  const tiles = credentials.filter((credential) => credential.connector === state.connector);
  const credential = tiles.find((candidate) => candidate.id === state.credentialId) ?? null;
  const stepLabel = WIZARD_STEPS.find((step) => step.key === state.step)?.label ?? "";

  return (
    <div>
      <WizardStepList current={state.step} choices={state} />
      <FocusStepHeading step={state.step} headingId={HEADING_ID} />
      <section aria-labelledby={HEADING_ID} className="space-y-6">
        <h2 id={HEADING_ID} tabIndex={-1} className="text-xl font-semibold text-slate-900 focus:outline-none">
          {stepLabel}
        </h2>
        {state.step === "connector" ? (
          <ConnectorStep connectors={connectors} state={state} error={error} />
        ) : null}
        {state.step === "authenticate" && connector ? (
          <AuthenticateStep
            connector={connector}
            state={state}
            credentials={tiles}
            error={error}
            more={moreCredentials}
          />
        ) : null}
        {state.step === "configure" && connector && credential ? (
          <ConfigureStep connectorLabel={connector.label} credential={credential} state={state} />
        ) : null}
        {state.step === "review" && connector && credential && state.configuration ? (
          <ReviewStep
            connector={connector}
            credential={credential}
            configuration={state.configuration}
            state={state}
          />
        ) : null}
      </section>
    </div>
  );
}
