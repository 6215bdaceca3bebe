"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { keepTabInside } from "@/components/ui/keep-tab-inside";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import { CopyField } from "./copy-field";

export interface OneTimeSecret {
  title: string;
  /** Read-only fields in display order; the one with `secret: true` is the value shown once. */
  fields: ReadonlyArray<{ label: string; value: string; secret?: boolean }>;
  /** The `.env` snippet offered for download, and its file name. */
  envFile: { name: string; content: string };
  /**
   * How Latchkey keeps the secret: as a hash (secrets it checks, the default) or encrypted
   * (secrets it uses itself, such as a webhook's signing secret).
   */
  keptAs?: "hash" | "encrypted";
}

/**
 * Shows a newly made secret exactly once. Closing asks for confirmation that it was saved;
 * once closed the parent drops it from memory and it exists nowhere but as a hash.
 */
export function SecretDialog({ secret, onClosed }: { secret: OneTimeSecret | null; onClosed: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  // The button just pressed goes away with its step, so focus moves to the next step's safe
  // choice: "Go back" when asked to confirm, "Close" when back.
  const closeButton = useRef<HTMLButtonElement>(null);
  const goBackButton = useRef<HTMLButtonElement>(null);
  const stepChangedByUser = useRef(false);
  const showStep = (confirm: boolean) => {
    if (confirm === confirming) return;
    stepChangedByUser.current = true;
    setConfirming(confirm);
  };
  useEffect(() => {
    if (!stepChangedByUser.current) return;
    stepChangedByUser.current = false;
    (confirming ? goBackButton : closeButton).current?.focus();
  }, [confirming]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (secret && !element.open) element.showModal();
    if (!secret && element.open) element.close();
    setConfirming(false);
  }, [secret]);
  useReturnFocus(dialog, secret !== null);

  const download = () => {
    if (!secret) return;
    const url = URL.createObjectURL(new Blob([secret.envFile.content], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = secret.envFile.name;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <dialog
      ref={dialog}
      onKeyDown={keepTabInside}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        showStep(true);
      }}
      className="m-auto w-full max-w-2xl rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      {secret ? (
        <div className="space-y-5 p-6">
          <h2 id={titleId} className="text-xl font-semibold">
            {secret.title}
          </h2>
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Copy the secret now and keep it somewhere safe. <strong>It will not be shown again</strong>:
            {secret.keptAs === "encrypted"
              ? " Latchkey keeps it encrypted, to sign with, and never shows it."
              : " Latchkey keeps only a hash of it."}{" "}
            If it is lost, rotate the secret to get a new one.
          </p>
          <div className="space-y-3">
            {secret.fields.map((field) => (
              <CopyField key={field.label} label={field.label} value={field.value} emphasize={field.secret} />
            ))}
          </div>
          {confirming ? (
            <div className="rounded-md border border-slate-300 bg-slate-50 p-4">
              <fieldset>
                <legend className="mb-3 text-sm font-medium">
                  Have you saved the secret? You will not be able to see it again.
                </legend>
                <div className="flex gap-2">
                  <Button variant="danger" onClick={onClosed}>
                    Yes, I saved it
                  </Button>
                  <Button ref={goBackButton} variant="secondary" onClick={() => showStep(false)}>
                    Go back
                  </Button>
                </div>
              </fieldset>
            </div>
          ) : (
            <div className="flex flex-wrap justify-between gap-2">
              <Button variant="secondary" onClick={download}>
                Download .env
              </Button>
              <Button ref={closeButton} onClick={() => showStep(true)}>
                Close
              </Button>
            </div>
          )}
        </div>
      ) : null}
    </dialog>
  );
}
