"use client";

import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
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
 * the old one keeps working for the chosen grace period (at most two secrets are live). The
 * request names the secret that was current when the page was rendered, so a second
 * submission (a double click, a retry, another tab) is refused on the server instead of
 * rotating twice. `refusal` explains why this administrator may not rotate at all.
 */
export function ClientSecretRotation({
  clientId,
  currentSecretId,
  connection,
  refusal,
}: {
  clientId: string;
  currentSecretId: string | null;
  connection: ConnectionContext;
  refusal?: string;
}) {
  const router = useRouter();
  const [grace, setGrace] = useState<RotationGrace>("24h");
  const [issued, setIssued] = useState<IssuedClientSecret | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  // A second click before the first answer arrives sends nothing.
  const submitting = useRef(false);

  // One object per issued secret: a new one on every render would reset the dialog's confirmation step.
  const { partnerId, tokenUrl } = connection;
  const shown = useMemo(
    () => (issued ? clientSecretContent("New client secret", issued, { partnerId, tokenUrl }) : null),
    [issued, partnerId, tokenUrl],
  );

  const rotate = () => {
    if (submitting.current) return;
    submitting.current = true;
    startTransition(async () => {
      setError(undefined);
      try {
        const result = await rotateClientSecretAction({ clientId, grace, replacesSecretId: currentSecretId });
        if (!result.ok) {
          setError(result.fieldErrors.grace ?? result.fieldErrors.replacesSecretId ?? result.formError);
          return;
        }
        setIssued(result.data);
      } finally {
        submitting.current = false;
      }
    });
  };

  if (refusal) {
    return (
      <p className="max-w-3xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {refusal}
      </p>
    );
  }

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
