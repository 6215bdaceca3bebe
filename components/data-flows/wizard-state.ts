import { configureDataFlowSchema, type DataFlowConfiguration } from "@/lib/data-flows/data-flow-schemas";
import { fieldErrorsOf } from "@/lib/forms/field-errors-of";
import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";

/**
 * The steps of "Create data flow", in order, and which of them can be opened: each needs the
 * choices of the steps before it — a connector, a credential of it, then a valid
 * configuration (name, what to import, schedule) for "Review".
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
  /** What "Configure" chose, once it parses; "Review" shows it and "Create data flow" sends it. */
  configuration?: DataFlowConfiguration | null;
}

/** The configuration fields as the address spells them (Configure's form fields). */
export const CONFIGURATION_PARAMS = ["name", "imports", "filter", "schedule", "cron"] as const;
export type ConfigurationParam = (typeof CONFIGURATION_PARAMS)[number];
export type WizardParams = {
  step: string | null;
  connector: string | null;
  credential: string | null;
} & Partial<Record<ConfigurationParam, string | null>>;

export function isStepReachable(step: WizardStepKey, choices: WizardChoices): boolean {
  switch (step) {
    case "connector":
      return true;
    case "authenticate":
      return choices.connector !== null;
    case "configure":
      return choices.connector !== null && choices.credentialId !== null;
    case "review":
      return choices.connector !== null && choices.credentialId !== null && Boolean(choices.configuration);
  }
}

export interface WizardState extends WizardChoices {
  step: WizardStepKey;
  /** Configure's fields as the address gave them, to fill the form again. */
  draft: Partial<Record<ConfigurationParam, string>>;
  /** Why the configuration the address carried cannot be reviewed, per field (empty when it can). */
  configurationErrors: Record<string, string>;
}

/**
 * The wizard as the address spells it (`?step=…&connector=…&credential=…`), keeping only what
 * is real: a connector Latchkey has, a credential of that connector among those offered, and
 * the furthest step those choices reach when the address asks for one further on.
 */
export function resolveWizardState(
  params: WizardParams,
  offered: {
    connectors: readonly OutboundConnectorKey[];
    credentials: ReadonlyArray<{ id: string; connector: OutboundConnectorKey }>;
  },
): WizardState {
  const connector = offered.connectors.find((key) => key === params.connector) ?? null;
  const credential = offered.credentials.find(
    (candidate) => candidate.id === params.credential && candidate.connector === connector,
  );
  const draft: WizardState["draft"] = {};
  for (const key of CONFIGURATION_PARAMS) {
    const value = params[key];
    if (typeof value === "string") draft[key] = value;
  }
  const parsed = draft.name === undefined ? null : configureDataFlowSchema.safeParse(draft);
  const choices: WizardChoices = {
    connector,
    credentialId: credential?.id ?? null,
    configuration: parsed?.success ? parsed.data : null,
  };
  const asked = WIZARD_STEPS.findIndex((step) => step.key === params.step);
  let index = asked === -1 ? 0 : asked;
  while (index > 0 && !isStepReachable(WIZARD_STEPS[index]?.key ?? "connector", choices)) index--;
  const configurationErrors =
    params.step === "review" && parsed && !parsed.success ? fieldErrorsOf(parsed.error) : {};
  return { step: WIZARD_STEPS[index]?.key ?? "connector", ...choices, draft, configurationErrors };
}

export const WIZARD_PATH = "/data-flows/new";

/** The address of a step with these choices. */
export function wizardHref(step: WizardStepKey, choices: WizardChoices): string {
  const params = new URLSearchParams({ step });
  if (choices.connector) params.set("connector", choices.connector);
  if (choices.credentialId) params.set("credential", choices.credentialId);
  const configuration = choices.configuration;
  if (configuration) {
    params.set("name", configuration.name);
    params.set("imports", configuration.imports);
    if (configuration.filter) params.set("filter", configuration.filter);
    params.set("schedule", configuration.schedule);
    if (configuration.cron) params.set("cron", configuration.cron);
  }
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
