"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removeUnusedPermissionsAction } from "@/app/(console)/admin/api-settings/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";
import { OPERATION_LABELS, RESOURCES, type Scope } from "@/lib/permissions/catalogue";
import { summarizeGrid } from "@/lib/permissions/grid";

function scopeLabel(scope: Scope): string {
  const [key, operation] = scope.split(":") as [string, keyof typeof OPERATION_LABELS];
  const resource = RESOURCES.find((candidate) => candidate.key === key);
  return `${resource?.label ?? key} ${OPERATION_LABELS[operation] ?? operation}`;
}

/**
 * "Unused permissions": what the client holds but made no allowed call with in 90 days (or
 * since its grant), and "Remove unused permissions", which shows the grid before and after and
 * saves only once confirmed (audited as an edit). Never suggests adding anything.
 */
export function ClientUnusedPermissions({
  clientId,
  granted,
  unused,
}: {
  clientId: string;
  granted: readonly Scope[];
  unused: ReadonlyArray<{ scope: Scope; grantedOn: string | null }>;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (unused.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        {done ?? "Every permission this client holds was used in the last 90 days (or since it was granted)."}
      </p>
    );
  }
  const removing = unused.map((entry) => entry.scope);
  const after = granted.filter((scope) => !removing.includes(scope));

  const remove = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await removeUnusedPermissionsAction({ clientId, scopes: removing });
      setConfirming(false);
      if (!result.ok) return setError(result.formError ?? Object.values(result.fieldErrors)[0]);
      setDone(
        `Removed ${result.data.removed.length} unused ${result.data.removed.length === 1 ? "permission" : "permissions"}.`,
      );
      router.refresh();
    });

  return (
    <div className="max-w-3xl space-y-3">
      <FormMessage message={error} />
      {done ? (
        <p role="status" className="text-sm text-emerald-800">
          {done}
        </p>
      ) : null}
      <ul aria-label="Unused permissions" className="list-disc space-y-1 pl-5 text-sm text-slate-800">
        {unused.map((entry) => (
          <li key={entry.scope}>
            {scopeLabel(entry.scope)} <code className="text-xs text-slate-500">{entry.scope}</code>:{" "}
            {entry.grantedOn
              ? `not used since it was granted on ${entry.grantedOn}`
              : "not used in the last 90 days"}
          </li>
        ))}
      </ul>
      <Button variant="secondary" onClick={() => setConfirming(true)} disabled={pending}>
        Remove unused permissions
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Remove unused permissions?"
        confirmLabel="Remove permissions"
        danger
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={remove}
      >
        <div className="space-y-2">
          <p>Requests that need them are refused from the next one on; access tokens lose them at once.</p>
          <dl className="space-y-1">
            <dt className="font-medium">Before</dt>
            <dd>{summarizeGrid(granted)}</dd>
            <dt className="font-medium">After</dt>
            <dd>{after.length > 0 ? summarizeGrid(after) : "No permissions"}</dd>
            <dt className="font-medium">Removed</dt>
            <dd>
              <ul className="list-disc pl-5">
                {removing.map((scope) => (
                  <li key={scope}>{scopeLabel(scope)}</li>
                ))}
              </ul>
            </dd>
          </dl>
        </div>
      </ConfirmDialog>
    </div>
  );
}
