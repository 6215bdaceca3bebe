import { isStepReachable, WIZARD_STEPS, type WizardChoices, type WizardStepKey } from "./wizard-state";

/**
 * The wizard's steps as a numbered list of buttons: the current one marked with
 * aria-current="step", the ones its choices reach operable, the others disabled.
 */
export function WizardStepList({
  current,
  choices,
  onOpen,
}: {
  current: WizardStepKey;
  choices: WizardChoices;
  onOpen: (step: WizardStepKey) => void;
}) {
  return (
    <nav aria-label="Create data flow steps" className="mb-8">
      <ol className="flex flex-wrap gap-2">
        {WIZARD_STEPS.map((step, index) => {
          const active = step.key === current;
          const reachable = isStepReachable(step.key, choices);
          return (
            <li key={step.key}>
              <button
                type="button"
                aria-current={active ? "step" : undefined}
                disabled={!reachable}
                onClick={() => onOpen(step.key)}
                className={`flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 disabled:cursor-not-allowed ${
                  active
                    ? "border-indigo-700 bg-indigo-700 font-medium text-white"
                    : reachable
                      ? "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
                      : "border-slate-200 bg-slate-50 text-slate-500"
                }`}
              >
                <span
                  aria-hidden="true"
                  className={`flex h-5 w-5 items-center justify-center rounded-full text-xs ${
                    active ? "bg-white text-indigo-800" : "bg-slate-200 text-slate-700"
                  }`}
                >
                  {index + 1}
                </span>
                {step.label}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
