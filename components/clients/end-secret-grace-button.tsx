"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { endSecretGraceAction } from "@/app/(console)/admin/api-settings/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** "Stop now" on an old secret in its grace period, once the program uses the new one. */
export function EndSecretGraceButton({
  clientId,
  secretId,
  displayPrefix,
}: {
  clientId: string;
  secretId: string;
  displayPrefix: string;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const stop = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await endSecretGraceAction({ clientId, secretId });
      if (!result.ok) return setError(result.formError);
      setConfirming(false);
      router.refresh();
    });

  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)} disabled={pending}>
        Stop now<span className="sr-only"> (old secret {displayPrefix}…)</span>
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Stop the old secret now?"
        confirmLabel="Stop old secret"
        danger
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={stop}
      >
        <p>
          The old secret <span className="font-mono">{displayPrefix}…</span> stops working at once, and so do
          the access tokens obtained with it. Programs that still use it lose access.
        </p>
        {error ? <p className="mt-2 text-red-700">{error}</p> : null}
      </ConfirmDialog>
    </>
  );
}
