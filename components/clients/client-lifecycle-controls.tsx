"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteClientAction, setClientStatusAction } from "@/app/(console)/admin/api-settings/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage, TextField } from "@/components/ui/field";
import type { ClientStatus } from "@/lib/db/schema";

interface Props {
  client: { clientId: string; name: string; status: ClientStatus };
}

/** "Disable client" / "Enable client", and "Delete client" after typing the client's name. */
export function ClientLifecycleControls({ client }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  const [typedName, setTypedName] = useState("");
  const [nameError, setNameError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const disabling = client.status === "active";
  const nameMatches = typedName.normalize("NFC").trim() === client.name;

  const toggleStatus = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await setClientStatusAction({
        clientId: client.clientId,
        status: disabling ? "disabled" : "active",
      });
      if (!result.ok) return setError(result.formError);
      router.refresh();
    });

  const remove = () =>
    startTransition(async () => {
      setNameError(undefined);
      const result = await deleteClientAction({ clientId: client.clientId, confirmationName: typedName });
      if (!result.ok) {
        const mismatch = result.fieldErrors.confirmationName;
        if (mismatch) return setNameError(mismatch);
        setDeleting(false);
        return setError(result.formError);
      }
      router.push("/admin/api-settings");
    });

  return (
    <div className="space-y-4">
      <FormMessage message={error} />
      <div className="flex flex-wrap items-start gap-6">
        <div className="max-w-sm space-y-1">
          <Button variant="secondary" onClick={toggleStatus} disabled={pending}>
            {disabling ? "Disable client" : "Enable client"}
          </Button>
          <p className="text-sm text-slate-600">
            {disabling
              ? "Its secrets and tokens are refused from the next request on. Enabling it again restores access with the same secret; access tokens issued before stay refused, so programs ask for new ones."
              : "Its current secret works again from the next request on."}
          </p>
        </div>
        <div className="max-w-sm space-y-1">
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => {
              setTypedName("");
              setNameError(undefined);
              setDeleting(true);
            }}
          >
            Delete client
          </Button>
          <p className="text-sm text-slate-600">
            Removes the client and all its secrets. This cannot be undone.
          </p>
        </div>
      </div>
      <ConfirmDialog
        open={deleting}
        title={`Delete ${client.name}?`}
        confirmLabel="Delete"
        danger
        pending={pending}
        confirmDisabled={!nameMatches}
        onCancel={() => setDeleting(false)}
        onConfirm={remove}
      >
        <div className="space-y-3">
          <p>
            Programs using this client lose access at once, and its client ID and secrets stop working for
            good. Type <strong className="font-semibold">{client.name}</strong> to confirm.
          </p>
          <TextField
            id="delete-confirmation-name"
            label="Type the client name to confirm"
            autoComplete="off"
            value={typedName}
            error={nameError}
            onChange={(event) => setTypedName(event.target.value)}
          />
        </div>
      </ConfirmDialog>
    </div>
  );
}
