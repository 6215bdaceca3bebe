"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createLegacyKeyAction, revokeLegacyKeyAction } from "@/app/(console)/profile/actions";
import { type OneTimeSecret, SecretDialog } from "@/components/secret-dialog/secret-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";

interface Props {
  existing: { displayPrefix: string; createdAt: string } | null;
  /** Whether a key can be made now: Legacy level and REST API on for the role. */
  canCreate: boolean;
  reason: string | null;
}

/** The user's one static legacy API key: create (shown once) while at Legacy, or revoke. */
export function LegacyKeyPanel({ existing, canCreate, reason }: Props) {
  const router = useRouter();
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await createLegacyKeyAction();
      if (!result.ok) return setError(result.formError);
      setSecret({
        title: "Your legacy API key",
        fields: [{ label: "Legacy API key", value: result.data.key, secret: true }],
        envFile: { name: "latchkey-legacy-key.env", content: `LATCHKEY_LEGACY_KEY=${result.data.key}\n` },
      });
    });

  const revoke = () =>
    startTransition(async () => {
      const result = await revokeLegacyKeyAction();
      setConfirming(false);
      if (result.ok) router.refresh();
      else setError(result.formError);
    });

  return (
    <div className="space-y-3">
      <FormMessage message={error} />
      {existing ? (
        <>
          <p className="text-sm">
            Your key <span className="font-mono">{existing.displayPrefix}…</span> was created on{" "}
            {existing.createdAt}.
          </p>
          <Button variant="danger" disabled={pending} onClick={() => setConfirming(true)}>
            Revoke legacy key
          </Button>
        </>
      ) : canCreate ? (
        <Button disabled={pending} onClick={create}>
          Create legacy key
        </Button>
      ) : (
        <p className="text-sm text-slate-600">{reason}</p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Revoke your legacy API key?"
        confirmLabel="Revoke key"
        danger
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={revoke}
      >
        Integrations using it stop working on their next request.
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
