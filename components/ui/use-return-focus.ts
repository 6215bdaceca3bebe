"use client";

import { type RefObject, useEffect, useRef } from "react";

/**
 * When a modal dialog closes, gives focus back to the control that had it before the dialog
 * opened. The browser does so itself unless that control lost focus in between, as a button
 * does when it is disabled while the server makes what the dialog then shows. Call it after
 * the effect that opens and closes the dialog.
 */
export function useReturnFocus(dialog: RefObject<HTMLDialogElement | null>, open: boolean): void {
  const lastFocused = useRef<HTMLElement | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const remember = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && !dialog.current?.contains(event.target)) {
        lastFocused.current = event.target;
      }
    };
    document.addEventListener("focusin", remember);
    return () => document.removeEventListener("focusin", remember);
  }, [dialog]);

  useEffect(() => {
    if (open) {
      returnTo.current = lastFocused.current;
      return;
    }
    const target = returnTo.current;
    returnTo.current = null;
    const focusLost = !document.activeElement || document.activeElement === document.body;
    if (target?.isConnected && focusLost) target.focus();
  }, [open]);
}
