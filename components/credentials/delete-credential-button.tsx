"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteCredentialAction } from "@/app/(console)/admin/credentials/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";
import { CREDENTIALS_PATH } from "./credential-summary";

/**
 * "Delete credential", after a confirmation. Latchkey refuses, saying why, while a data flow
 * uses the credential; the refusal is shown here as it comes.
 */
export function DeleteCredentialButton({
  credential,
}: {
  credential: { id: string; name: string; connectorLabel: string };
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const remove = () =>
    startTransition(async () => {
      const result = await deleteCredentialAction({ credentialId: credential.id });
      if (!result.ok) {
        setConfirming(false);
        return setError(result.formError);
      }
      router.push(CREDENTIALS_PATH);
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
        Delete credential
      </Button>
      <p className="text-sm text-slate-600">
        Removes the credential with its encrypted API key and client secret. This cannot be undone.
      </p>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${credential.name}?`}
        confirmLabel="Delete"
        danger
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={remove}
      >
        <p>
          Latchkey forgets the host URL, API key and client secret of <strong>{credential.name}</strong> for
          good; the key itself keeps working in {credential.connectorLabel} until you revoke it there.
        </p>
      </ConfirmDialog>
    </div>
  );
}
