"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { createDataFlowAction } from "@/app/(console)/data-flows/actions";
import { Button } from "@/components/ui/button";
import type { DataFlowConfiguration } from "@/lib/data-flows/data-flow-schemas";
import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";

/**
 * "Create data flow" on Review: saves the flow as reviewed and opens its page. A refusal
 * (a name taken meanwhile, the credential deleted) is shown with the way back to fix it.
 */
export function CreateDataFlowButton({
  connector,
  credentialId,
  configuration,
  configureHref,
}: {
  connector: OutboundConnectorKey;
  credentialId: string;
  configuration: DataFlowConfiguration;
  configureHref: string;
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<string[]>();
  const [pending, setPending] = useState(false);
  const sending = useRef(false);

  const create = async () => {
    if (sending.current) return;
    sending.current = true;
    setPending(true);
    setProblem(undefined);
    try {
      const result = await createDataFlowAction({ connector, credentialId, ...configuration });
      if (result.ok) return router.push(result.data.href);
      setProblem([...(result.formError ? [result.formError] : []), ...Object.values(result.fieldErrors)]);
    } finally {
      sending.current = false;
      setPending(false);
    }
  };

  return (
    <div className="space-y-3">
      {problem ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          <p>The data flow was not created:</p>
          <ul className="list-disc pl-5">
            {problem.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <p>
            <Link href={configureHref} className="underline">
              Change it in Configure
            </Link>
          </p>
        </div>
      ) : null}
      <Button onClick={create} disabled={pending}>
        {pending ? "Creating…" : "Create data flow"}
      </Button>
    </div>
  );
}
