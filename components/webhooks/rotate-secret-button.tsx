"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { rotateEndpointSecretAction } from "@/app/(console)/admin/webhooks/actions";
import { type OneTimeSecret, SecretDialog } from "@/components/secret-dialog/secret-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";
import { webhookSecretContent } from "./webhook-secret-content";

/**
 * "Rotate secret", after a confirmation: the new signing secret is shown once; for 24 hours
 * deliveries carry signatures by both, so the receiver can switch to the new one meanwhile.
 */
export function RotateSecretButton({ endpointId }: { endpointId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const rotate = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await rotateEndpointSecretAction({ endpointId }).catch(() => null);
      setConfirming(false);
      if (!result) return setError("Latchkey's server did not answer. Try again.");
      if (!result.ok) return setError(result.formError);
      setSecret(webhookSecretContent("New signing secret", result.data.endpoint, result.data.secret));
    });

  return (
    <div className="max-w-2xl space-y-3">
      <FormMessage message={error} />
      <Button variant="secondary" disabled={pending} onClick={() => setConfirming(true)}>
        Rotate secret
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Rotate the signing secret?"
        confirmLabel="Rotate"
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={rotate}
      >
        <p>
          Latchkey makes a new secret and shows it once. For 24 hours every delivery is signed with both the
          new and the current secret; then only with the new one. Give your receiver the new secret within
          that time.
        </p>
      </ConfirmDialog>
      <SecretDialog
        secret={secret}
        onClosed={() => {
          setSecret(null);
          router.refresh();
        }}
      />
    </div>
  );
}
