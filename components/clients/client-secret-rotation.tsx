"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { rotateClientSecretAction } from "@/app/(console)/admin/api-settings/actions";
import { SecretDialog } from "@/components/secret-dialog/secret-dialog";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField } from "@/components/ui/field";
import {
  ROTATION_GRACE_LABELS,
  ROTATION_GRACE_PERIODS,
  type RotationGrace,
} from "@/lib/clients/client-schemas";
import {
  type ConnectionContext,
  clientSecretContent,
  type IssuedClientSecret,
} from "./client-secret-content";

const GRACE_OPTIONS = ROTATION_GRACE_PERIODS.map((grace) => ({
  value: grace,
  label: ROTATION_GRACE_LABELS[grace],
}));

/**
 * "Rotate secret": issues a new secret, shown once in the same dialog as on creation, while
 * the old one keeps working for the chosen grace period (at most two secrets are live).
 */
export function ClientSecretRotation({
  clientId,
  connection,
}: {
  clientId: string;
  connection: ConnectionContext;
}) {
  const router = useRouter();
  const [grace, setGrace] = useState<RotationGrace>("24h");
  const [issued, setIssued] = useState<IssuedClientSecret | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  // One object per issued secret: a new one on every render would reset the dialog's confirmation step.
  const { partnerId, tokenUrl } = connection;
  const shown = useMemo(
    () => (issued ? clientSecretContent("New client secret", issued, { partnerId, tokenUrl }) : null),
    [issued, partnerId, tokenUrl],
  );

  const rotate = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await rotateClientSecretAction({ clientId, grace });
      if (!result.ok) {
        setError(result.fieldErrors.grace ?? result.formError);
        return;
      }
      setIssued(result.data);
    });

  return (
    <div className="space-y-3">
      <FormMessage message={error} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-80">
          <SelectField
            id="rotation-grace"
            label="Old secret keeps working"
            value={grace}
            onChange={(event) => setGrace(event.target.value as RotationGrace)}
            options={GRACE_OPTIONS}
          />
        </div>
        <Button onClick={rotate} disabled={pending || issued !== null}>
          Rotate secret
        </Button>
      </div>
      <SecretDialog
        secret={shown}
        onClosed={() => {
          setIssued(null);
          router.refresh();
        }}
      />
    </div>
  );
}
