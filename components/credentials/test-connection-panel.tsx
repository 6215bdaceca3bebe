"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { testCredentialConnectionAction } from "@/app/(console)/admin/credentials/actions";
import { Button } from "@/components/ui/button";
import type { CredentialSummary } from "./credential-summary";
import { LastTestResult } from "./last-test-result";

type Shown = { kind: "connected" | "failed"; text: string } | null;

/**
 * "Test connection": asks the credential's system, through Latchkey's guarded client, whether
 * the stored host and secrets work. What it answers is announced in a live region.
 */
export function TestConnectionPanel({
  credentialId,
  lastTest,
}: {
  credentialId: string;
  lastTest: CredentialSummary["lastTest"];
}) {
  const router = useRouter();
  const [shown, setShown] = useState<Shown>(null);
  const [pending, startTransition] = useTransition();

  const run = () =>
    startTransition(async () => {
      setShown(null);
      try {
        const result = await testCredentialConnectionAction({ credentialId });
        if (!result.ok)
          return setShown({ kind: "failed", text: result.formError ?? "The test did not run." });
        setShown({
          kind: result.data.outcome,
          text: result.data.outcome === "connected" ? result.data.message : `Failed: ${result.data.message}`,
        });
        router.refresh();
      } catch {
        setShown({
          kind: "failed",
          text: "The test could not be run: Latchkey's server did not answer. Try again.",
        });
      }
    });

  return (
    <div className="max-w-2xl space-y-3">
      <div className="text-sm">
        <p className="text-slate-500">Last test</p>
        <LastTestResult lastTest={lastTest} />
      </div>
      <Button onClick={run} disabled={pending} aria-describedby="test-connection-result">
        {pending ? "Testing…" : "Test connection"}
      </Button>
      <div
        id="test-connection-result"
        role="status"
        className={`min-h-6 text-sm font-medium ${shown?.kind === "connected" ? "text-emerald-800" : "text-red-700"}`}
      >
        {pending ? <span className="text-slate-600">Testing the connection…</span> : shown?.text}
      </div>
    </div>
  );
}
