"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  changeSecurityLevelAction,
  previewSecurityLevelAction,
} from "@/app/(console)/admin/api-settings/security/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";
import type { SecurityLevel } from "@/lib/db/schema";
import {
  SECURITY_LEVEL_DESCRIPTIONS,
  SECURITY_LEVEL_LABELS,
  SECURITY_LEVELS,
} from "@/lib/organizations/security-level";
import type { SecurityLevelImpact } from "@/lib/organizations/security-settings";

/**
 * "Security level": Legacy, High or Extra High, each explained. Changing it first shows what
 * the change will break, counted from the organization's data, and asks to confirm.
 */
export function SecurityLevelForm({
  level,
  legacyRetired,
}: {
  level: SecurityLevel;
  legacyRetired: boolean;
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<SecurityLevel>(level);
  const [impact, setImpact] = useState<SecurityLevelImpact | null>(null);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [pending, startTransition] = useTransition();

  const review = () =>
    startTransition(async () => {
      setError(undefined);
      setSaved(undefined);
      const result = await previewSecurityLevelAction({ level: chosen });
      if (result.ok) setImpact(result.data);
      else setError(result.fieldErrors.level ?? result.formError);
    });

  const confirm = () =>
    startTransition(async () => {
      const result = await changeSecurityLevelAction({ level: chosen });
      setImpact(null);
      if (!result.ok) {
        setError(result.fieldErrors.level ?? result.formError);
        return;
      }
      setSaved(`Security level changed to ${SECURITY_LEVEL_LABELS[chosen]}.`);
      router.refresh();
    });

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        review();
      }}
    >
      <FormMessage message={error} />
      {saved ? (
        <p role="status" className="text-sm text-emerald-800">
          {saved}
        </p>
      ) : null}
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">Security level</legend>
        {SECURITY_LEVELS.map((option) => {
          const retired = option === "legacy" && legacyRetired;
          return (
            <div key={option} className="flex items-start gap-3 rounded-md border border-slate-200 p-3">
              <input
                id={`level-${option}`}
                type="radio"
                name="level"
                value={option}
                checked={chosen === option}
                disabled={retired}
                onChange={() => setChosen(option)}
                aria-describedby={`level-${option}-description`}
                className="mt-1"
              />
              <div>
                <label htmlFor={`level-${option}`} className="font-medium text-slate-900">
                  {SECURITY_LEVEL_LABELS[option]}
                </label>
                {option === level ? <span className="ml-2 text-xs text-slate-500">(current)</span> : null}
                <p id={`level-${option}-description`} className="text-sm text-slate-600">
                  {SECURITY_LEVEL_DESCRIPTIONS[option]}
                  {retired ? " Retired: no longer available." : ""}
                </p>
              </div>
            </div>
          );
        })}
      </fieldset>
      <Button type="submit" disabled={pending || chosen === level}>
        Change security level
      </Button>
      <ConfirmDialog
        open={impact !== null}
        title={`Change the security level to ${SECURITY_LEVEL_LABELS[chosen]}?`}
        confirmLabel={`Change to ${SECURITY_LEVEL_LABELS[chosen]}`}
        danger={(impact?.breaks.length ?? 0) > 0}
        pending={pending}
        onCancel={() => setImpact(null)}
        onConfirm={confirm}
      >
        {impact && impact.breaks.length > 0 ? (
          <>
            <p className="mb-2 font-medium">This will break:</p>
            <ul className="list-disc space-y-1 pl-5">
              {impact.breaks.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>Nothing in use will stop working.</p>
        )}
        {impact && impact.loosens.length > 0 ? (
          <ul className="mt-3 list-disc space-y-1 pl-5">
            {impact.loosens.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        <p className="mt-3">The change applies to the next API request and is recorded in the audit log.</p>
      </ConfirmDialog>
    </form>
  );
}
