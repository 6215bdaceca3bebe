"use client";

import { useEffect, useRef } from "react";

/**
 * When the wizard moves to another step (the address changes, the page does not), focus goes
 * to the new step's heading, so keyboard and screen reader users start there. Not on first load.
 */
export function FocusStepHeading({ step, headingId }: { step: string; headingId: string }) {
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    document.getElementById(headingId)?.focus();
  }, [step, headingId]);
  return null;
}
