import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";

/**
 * The steps of "Create data flow", in order, and which of them can be opened: each needs the
 * choice of the step before it. "Review" opens once a data flow can be configured, which
 * arrives with data flows themselves; until then the wizard ends at "Configure".
 */
export const WIZARD_STEPS = [
  { key: "connector", label: "Connector" },
  { key: "authenticate", label: "Authenticate" },
  { key: "configure", label: "Configure" },
  { key: "review", label: "Review" },
] as const;

export type WizardStepKey = (typeof WIZARD_STEPS)[number]["key"];

export interface WizardChoices {
  connector: OutboundConnectorKey | null;
  credentialId: string | null;
}

export function isStepReachable(step: WizardStepKey, choices: WizardChoices): boolean {
  switch (step) {
    case "connector":
      return true;
    case "authenticate":
      return choices.connector !== null;
    case "configure":
      return choices.connector !== null && choices.credentialId !== null;
    case "review":
      return false;
  }
}

export interface WizardState extends WizardChoices {
  step: WizardStepKey;
}

/**
 * The wizard as the address spells it (`?step=…&connector=…&credential=…`), keeping only what
 * is real: a connector Latchkey has, a credential of that connector among those offered, and
 * the furthest step those choices reach when the address asks for one further on.
 */
export function resolveWizardState(
  params: { step: string | null; connector: string | null; credential: string | null },
  offered: {
    connectors: readonly OutboundConnectorKey[];
    credentials: ReadonlyArray<{ id: string; connector: OutboundConnectorKey }>;
  },
): WizardState {
  const connector = offered.connectors.find((key) => key === params.connector) ?? null;
  const credential = offered.credentials.find(
    (candidate) => candidate.id === params.credential && candidate.connector === connector,
  );
  const choices: WizardChoices = { connector, credentialId: credential?.id ?? null };
  const asked = WIZARD_STEPS.findIndex((step) => step.key === params.step);
  let index = asked === -1 ? 0 : asked;
  while (index > 0 && !isStepReachable(WIZARD_STEPS[index]?.key ?? "connector", choices)) index--;
  return { step: WIZARD_STEPS[index]?.key ?? "connector", ...choices };
}

export const WIZARD_PATH = "/data-flows/new";

/** The address of a step with these choices. */
export function wizardHref(step: WizardStepKey, choices: WizardChoices): string {
  const params = new URLSearchParams({ step });
  if (choices.connector) params.set("connector", choices.connector);
  if (choices.credentialId) params.set("credential", choices.credentialId);
  return `${WIZARD_PATH}?${params.toString()}`;
}

export const CHOOSE_CONNECTOR = "Choose a connector to continue.";
export const CHOOSE_CREDENTIAL = "Choose a credential, or add one, to continue.";

/**
 * Why "Continue" did not move on: the address asked for the next step without the choice it
 * needs (the step's form was sent with no tile selected). Null when nothing was refused.
 */
export function wizardRefusal(askedStep: string | null, state: WizardState): string | null {
  if (askedStep === "authenticate" && state.step === "connector") return CHOOSE_CONNECTOR;
  if (askedStep === "configure" && state.step === "authenticate") return CHOOSE_CREDENTIAL;
  return null;
}
