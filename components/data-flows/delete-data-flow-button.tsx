"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteDataFlowAction } from "@/app/(console)/data-flows/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";
import { DATA_FLOWS_PATH } from "./data-flow-paths";

/**
 * "Delete" of a data flow, after a confirmation: the flow and its run history go; the devices
 * it imported stay, as ordinary devices.
 */
export function DeleteDataFlowButton({
  flow,
  compact = false,
}: {
  flow: { id: string; name: string };
  compact?: boolean;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const remove = () =>
    startTransition(async () => {
      const result = await deleteDataFlowAction({ flowId: flow.id });
      if (!result.ok) {
        setConfirming(false);
        return setError(result.formError);
      }
      setConfirming(false);
      if (compact) router.refresh();
      else router.push(DATA_FLOWS_PATH);
    });

  return (
    <div className="space-y-2">
      <FormMessage message={error} />
      <Button
        variant={compact ? "ghost" : "danger"}
        disabled={pending}
        aria-label={compact ? `Delete: ${flow.name}` : undefined}
        onClick={() => {
          setError(undefined);
          setConfirming(true);
        }}
      >
        {compact ? "Delete" : "Delete data flow"}
      </Button>
      {compact ? null : (
        <p className="text-sm text-slate-600">
          Removes the flow and its run history. The devices it imported stay in Devices.
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${flow.name}?`}
        confirmLabel="Delete"
        danger
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={remove}
      >
        <p>
          <strong>{flow.name}</strong> stops running and its run history is deleted. The devices it imported
          stay, and the credential it used is kept.
        </p>
      </ConfirmDialog>
    </div>
  );
}
