import Link from "next/link";
import { CREDENTIALS_PATH } from "@/components/credentials/credential-summary";

/** What the Data flows page says while there are none (or none match the search). */
export function DataFlowsEmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) return <p className="text-sm text-slate-700">No data flow matches the search.</p>;
  return (
    <div className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700">
      <p className="font-medium text-slate-900">No data flows exist yet.</p>
      <p>
        A data flow imports the devices of an Axonius instance into your organization's Devices, now or on a
        schedule, signing in with a saved credential. Each run reports what it read, created, updated and
        skipped; running it again updates the devices it imported before instead of copying them.
      </p>
      <p>
        Start with "Create data flow" above; saved credentials are managed under{" "}
        <Link href={CREDENTIALS_PATH} className="text-indigo-700 underline">
          Credentials
        </Link>
        .
      </p>
    </div>
  );
}
