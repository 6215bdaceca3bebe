"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  pauseDataFlowAction,
  resumeDataFlowAction,
  runDataFlowNowAction,
} from "@/app/(console)/data-flows/actions";
import { Button } from "@/components/ui/button";

/**
 * "Run now" (opens the run's page) and "Pause" or "Resume" for one flow, in the Data flows
 * list and on the flow's page. Each button names its flow for screen readers; a refusal (a
 * run already in progress, a paused flow) shows beside them.
 */
export function DataFlowControls({
  flow,
  compact = false,
}: {
  flow: { id: string; name: string; paused: boolean };
  compact?: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const suffix = compact ? `: ${flow.name}` : "";

  const runNow = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await runDataFlowNowAction({ flowId: flow.id });
      if (!result.ok) return setError(result.formError);
      router.push(result.data.href);
    });

  const togglePause = () =>
    startTransition(async () => {
      setError(undefined);
      const result = flow.paused
        ? await resumeDataFlowAction({ flowId: flow.id })
        : await pauseDataFlowAction({ flowId: flow.id });
      if (!result.ok) return setError(result.formError);
      router.refresh();
    });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button onClick={runNow} disabled={pending || flow.paused} aria-label={`Run now${suffix}`}>
          Run now
        </Button>
        <Button
          variant="secondary"
          onClick={togglePause}
          disabled={pending}
          aria-label={`${flow.paused ? "Resume" : "Pause"}${suffix}`}
        >
          {flow.paused ? "Resume" : "Pause"}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="max-w-xs text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
