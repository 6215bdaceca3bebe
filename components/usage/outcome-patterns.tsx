import { useId } from "react";
import { USAGE_OUTCOMES, type UsageOutcome } from "@/lib/usage/usage-outcomes";
import { OUTCOME_STYLES, type OutcomePattern } from "./outcome-styles";

const SIZE = 6;

/** The white marks a pattern draws over its colour. */
function Marks({ pattern }: { pattern: OutcomePattern }) {
  const stroke = { stroke: "#ffffff", strokeWidth: 1.3 };
  switch (pattern) {
    case "solid":
      return null;
    case "diagonal":
      return <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" {...stroke} />;
    case "dots":
      return <circle cx={3} cy={3} r={1.3} fill="#ffffff" />;
    case "horizontal":
      return <line x1={0} y1={3} x2={6} y2={3} {...stroke} />;
    case "crosshatch":
      return <path d="M0,0 L6,6 M6,0 L0,6" {...stroke} strokeWidth={1} />;
    case "vertical":
      return <line x1={3} y1={0} x2={3} y2={6} {...stroke} />;
  }
}

function OutcomePatternElement({ id, outcome }: { id: string; outcome: UsageOutcome }) {
  const { color, pattern } = OUTCOME_STYLES[outcome];
  return (
    <pattern id={id} width={SIZE} height={SIZE} patternUnits="userSpaceOnUse">
      <rect width={SIZE} height={SIZE} fill={color} />
      <Marks pattern={pattern} />
    </pattern>
  );
}

/** Every outcome's pattern, as `${prefix}-${outcome}`, for fills inside one chart's SVG. */
export function PatternDefinitions({ prefix }: { prefix: string }) {
  return (
    <defs>
      {USAGE_OUTCOMES.map((outcome) => (
        <OutcomePatternElement key={outcome} id={`${prefix}-${outcome}`} outcome={outcome} />
      ))}
    </defs>
  );
}

/** A legend's sample of an outcome's fill; decorative: the legend names the outcome in text. */
export function OutcomeSwatch({ outcome }: { outcome: UsageOutcome }) {
  const id = `swatch-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  return (
    <svg width={16} height={12} aria-hidden="true" focusable="false">
      <defs>
        <OutcomePatternElement id={id} outcome={outcome} />
      </defs>
      <rect width={16} height={12} fill={`url(#${id})`} stroke={OUTCOME_STYLES[outcome].color} />
    </svg>
  );
}
