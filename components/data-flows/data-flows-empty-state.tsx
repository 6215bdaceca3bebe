import Link from "next/link";
import { CREDENTIALS_PATH } from "@/components/credentials/credential-summary";

/** What the Data flows page says while there are none: what one will do, and what exists today. */
export function DataFlowsEmptyState() {
  return (
    <div className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700">
      <p className="font-medium text-slate-900">No data flows exist yet.</p>
      <p>
        A data flow will import devices from another system (an Axonius instance) into your organization's
        Devices on a schedule, signing in with a saved credential; each run will report what it read, created,
        updated and skipped, and running it again updates the devices it imported before instead of copying
        them.
      </p>
      <p>
        Creating and running data flows is not available yet. What works today: "Create data flow" walks you
        through choosing the connector and choosing or adding the credential the flow will use, and{" "}
        <Link href={CREDENTIALS_PATH} className="text-indigo-700 underline">
          Credentials
        </Link>{" "}
        lets you test, edit, replace and delete saved credentials.
      </p>
    </div>
  );
}
