import type { CredentialSummary } from "./credential-summary";

/**
 * A credential's last "Test connection": what it said and when, or that it has not been
 * tested (since it was saved, or since its host or secret changed). The outcome is in the
 * words, not only the colour.
 */
export function LastTestResult({
  lastTest,
  compact = false,
}: {
  lastTest: CredentialSummary["lastTest"];
  compact?: boolean;
}) {
  if (!lastTest) return <span className="text-slate-600">Not tested yet</span>;
  const connected = lastTest.outcome === "connected";
  return (
    <span className={compact ? "block" : "block space-y-0.5"}>
      <span className={`block ${connected ? "text-emerald-800" : "text-red-700"}`}>
        {connected ? lastTest.message : `Failed: ${lastTest.message}`}
      </span>
      <time dateTime={lastTest.atIso} className="block text-xs text-slate-600">
        Tested {lastTest.at}
      </time>
    </span>
  );
}
