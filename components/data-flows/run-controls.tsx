"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelDataFlowRunAction, retryDataFlowRunAction } from "@/app/(console)/data-flows/actions";
import { Button } from "@/components/ui/button";
import type { DataFlowRunStatus } from "@/lib/db/schema";

/**
 * "Cancel" for a queued or running run (a running one stops after the page in hand), "Retry"
 * for one that failed, ended partial or was cancelled (a new run, whose page opens).
 */
export function RunControls({
  run,
}: {
  run: { id: string; status: DataFlowRunStatus; cancelRequested: boolean };
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const active = run.status === "queued" || run.status === "running";
  const retryable = run.status === "failed" || run.status === "partial" || run.status === "cancelled";

  const cancel = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await cancelDataFlowRunAction({ runId: run.id });
      if (!result.ok) return setError(result.formError);
      router.refresh();
    });

  const retry = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await retryDataFlowRunAction({ runId: run.id });
      if (!result.ok) return setError(result.formError);
      router.push(result.data.href);
    });

  if (!active && !retryable) return null;
  return (
    <div className="space-y-2">
      {active ? (
        <Button variant="secondary" onClick={cancel} disabled={pending || run.cancelRequested}>
          {run.cancelRequested ? "Cancelling…" : "Cancel"}
        </Button>
      ) : (
        <Button onClick={retry} disabled={pending}>
          Retry
        </Button>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
