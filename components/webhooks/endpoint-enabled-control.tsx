"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setEndpointEnabledAction } from "@/app/(console)/admin/webhooks/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";

/** "Disable endpoint" (after a confirmation) or "Enable endpoint". */
export function EndpointEnabledControl({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const apply = (next: boolean) =>
    startTransition(async () => {
      setError(undefined);
      const result = await setEndpointEnabledAction({ endpointId, enabled: next }).catch(() => null);
      setConfirming(false);
      if (!result) return setError("Latchkey's server did not answer. Try again.");
      if (!result.ok) return setError(result.formError);
      router.refresh();
    });

  return (
    <div className="max-w-2xl space-y-3">
      <FormMessage message={error} />
      {enabled ? (
        <Button variant="secondary" disabled={pending} onClick={() => setConfirming(true)}>
          Disable endpoint
        </Button>
      ) : (
        <Button disabled={pending} onClick={() => apply(true)}>
          {pending ? "Enabling…" : "Enable endpoint"}
        </Button>
      )}
      <p className="text-sm text-slate-600">
        {enabled
          ? "A disabled endpoint is sent nothing; deliveries waiting for it are cancelled (each can be redelivered later)."
          : "Enabled again, it is sent new events, and Latchkey gives it 5 days of failures before disabling it again."}
      </p>
      <ConfirmDialog
        open={confirming}
        title="Disable this endpoint?"
        confirmLabel="Disable"
        danger
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => apply(false)}
      >
        <p>Latchkey stops sending events to it and cancels the deliveries still waiting.</p>
      </ConfirmDialog>
    </div>
  );
}
