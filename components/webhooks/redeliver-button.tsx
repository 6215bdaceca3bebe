"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { redeliverAction } from "@/app/(console)/admin/webhooks/actions";
import { Button } from "@/components/ui/button";

/** "Redeliver" on one delivery of the log: the same message again, as a new delivery. */
export function RedeliverButton({
  endpointId,
  deliveryId,
  description,
}: {
  endpointId: string;
  deliveryId: string;
  /** What the delivery was, for the button's accessible name ("Redeliver Test event of …"). */
  description: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const redeliver = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await redeliverAction({ endpointId, deliveryId }).catch(() => null);
      if (!result) return setError("Latchkey's server did not answer.");
      if (!result.ok) return setError(result.formError);
      router.refresh();
    });
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        onClick={redeliver}
        disabled={pending}
        aria-label={`Redeliver ${description}`}
      >
        {pending ? "Queuing…" : "Redeliver"}
      </Button>
      {error ? (
        <p role="status" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
