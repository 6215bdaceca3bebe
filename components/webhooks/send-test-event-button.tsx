"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { sendTestEventAction } from "@/app/(console)/admin/webhooks/actions";
import { Button } from "@/components/ui/button";

/**
 * "Send test event": a signed `webhook.test` delivery to this endpoint, which then shows in
 * the delivery log with the receiver's answer. What happened is announced in a live region.
 */
export function SendTestEventButton({ endpointId }: { endpointId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const send = () =>
    startTransition(async () => {
      setMessage(null);
      try {
        const result = await sendTestEventAction({ endpointId });
        if (!result.ok)
          return setMessage({ ok: false, text: result.formError ?? "The test event was not sent." });
        setMessage({ ok: true, text: "Test event queued: its delivery appears below." });
        router.refresh();
      } catch {
        setMessage({ ok: false, text: "Latchkey's server did not answer. Try again." });
      }
    });

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={send} disabled={pending} aria-describedby="send-test-event-result">
        {pending ? "Sending…" : "Send test event"}
      </Button>
      <p
        id="send-test-event-result"
        role="status"
        className={`text-sm ${message?.ok === false ? "text-red-700" : "text-slate-700"}`}
      >
        {message?.text}
      </p>
    </div>
  );
}
