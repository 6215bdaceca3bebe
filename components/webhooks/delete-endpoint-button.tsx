"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteEndpointAction } from "@/app/(console)/admin/webhooks/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";
import { WEBHOOKS_PATH } from "./webhook-paths";

/** "Delete endpoint", after a confirmation; back to the list. */
export function DeleteEndpointButton({ endpoint }: { endpoint: { id: string; url: string } }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const remove = () =>
    startTransition(async () => {
      const result = await deleteEndpointAction({ endpointId: endpoint.id }).catch(() => null);
      if (!result?.ok) {
        setConfirming(false);
        return setError(result?.formError ?? "Latchkey's server did not answer. Try again.");
      }
      router.push(WEBHOOKS_PATH);
    });

  return (
    <div className="max-w-2xl space-y-3">
      <FormMessage message={error} />
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => {
          setError(undefined);
          setConfirming(true);
        }}
      >
        Delete endpoint
      </Button>
      <p className="text-sm text-slate-600">
        Removes the endpoint with its signing secret and its delivery log. This cannot be undone.
      </p>
      <ConfirmDialog
        open={confirming}
        title="Delete this endpoint?"
        confirmLabel="Delete"
        danger
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={remove}
      >
        <p className="break-all">
          Latchkey stops sending to <strong>{endpoint.url}</strong> and forgets its secret and deliveries.
        </p>
      </ConfirmDialog>
    </div>
  );
}
