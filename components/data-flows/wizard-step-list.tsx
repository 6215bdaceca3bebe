import Link from "next/link";
import {
  isStepReachable,
  WIZARD_STEPS,
  type WizardChoices,
  type WizardStepKey,
  wizardHref,
} from "./wizard-state";

const STEP = "flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm";

function StepNumber({ index, active }: { index: number; active: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`flex h-5 w-5 items-center justify-center rounded-full text-xs ${
        active ? "bg-white text-indigo-800" : "bg-slate-200 text-slate-700"
      }`}
    >
      {index + 1}
    </span>
  );
}

/**
 * The wizard's steps as a numbered list: the steps its choices reach are links (the current
 * one marked aria-current="step"), the others plain text saying they are not open yet.
 */
export function WizardStepList({ current, choices }: { current: WizardStepKey; choices: WizardChoices }) {
  return (
    <nav aria-label="Create data flow steps" className="mb-8">
      <ol className="flex flex-wrap gap-2">
        {WIZARD_STEPS.map((step, index) => {
          const active = step.key === current;
          if (!isStepReachable(step.key, choices)) {
            return (
              <li key={step.key} className={`${STEP} border-slate-200 bg-slate-50 text-slate-600`}>
                <StepNumber index={index} active={false} />
                {step.label}
                <span className="sr-only"> (not available yet)</span>
              </li>
            );
          }
          return (
            <li key={step.key}>
              <Link
                href={wizardHref(step.key, choices)}
                aria-current={active ? "step" : undefined}
                className={`${STEP} focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 ${
                  active
                    ? "border-indigo-700 bg-indigo-700 font-medium text-white"
                    : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
                }`}
              >
                <StepNumber index={index} active={active} />
                {step.label}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
