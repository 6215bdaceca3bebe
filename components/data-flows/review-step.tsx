import Link from "next/link";
import { formatDateTime } from "@/components/clients/format-date-time";
import { type CredentialSummary, credentialPath } from "@/components/credentials/credential-summary";
import { LastTestResult } from "@/components/credentials/last-test-result";
import { buttonClasses } from "@/components/ui/button";
import { describeSchedule } from "@/lib/data-flows/data-flow-labels";
import { nextRunAt } from "@/lib/data-flows/data-flow-schedule";
import type { DataFlowConfiguration } from "@/lib/data-flows/data-flow-schemas";
import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import { CreateDataFlowButton } from "./create-data-flow-button";
import { FieldMappingTable } from "./field-mapping-table";
import { type WizardState, wizardHref } from "./wizard-state";

/** Step "Review": everything the flow will be, each part with the step that changes it, and "Create data flow". */
export function ReviewStep({
  connector,
  credential,
  configuration,
  state,
}: {
  connector: { key: OutboundConnectorKey; label: string };
  credential: CredentialSummary;
  configuration: DataFlowConfiguration;
  state: WizardState;
}) {
  const next = nextRunAt(configuration.schedule, configuration.cron, new Date());
  const configureHref = wizardHref("configure", state);
  return (
    <div className="space-y-6">
      <dl className="grid max-w-2xl gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-500">Data flow name</dt>
        <dd className="font-medium text-slate-900">{configuration.name}</dd>
        <dt className="text-slate-500">Connector</dt>
        <dd>{connector.label}</dd>
        <dt className="text-slate-500">Credential</dt>
        <dd className="space-y-1">
          <Link href={credentialPath(credential.id)} className="font-medium text-indigo-700 underline">
            {credential.name}
          </Link>
          <p className="break-all font-mono text-xs">{credential.hostUrl}</p>
          <LastTestResult lastTest={credential.lastTest} compact />
        </dd>
        <dt className="text-slate-500">What to import</dt>
        <dd>Devices</dd>
        <dt className="text-slate-500">Axonius filter</dt>
        <dd>
          {configuration.filter ? (
            <code className="break-all text-xs">{configuration.filter}</code>
          ) : (
            "None: every device"
          )}
        </dd>
        <dt className="text-slate-500">Schedule</dt>
        <dd>{describeSchedule(configuration)}</dd>
        <dt className="text-slate-500">First scheduled run</dt>
        <dd>{next ? `${formatDateTime(next)} (UTC schedule)` : "None: runs when you click Run now"}</dd>
      </dl>
      <FieldMappingTable />
      <div className="flex flex-wrap items-start gap-2 border-t border-slate-200 pt-4">
        <Link href={configureHref} className={buttonClasses("secondary")}>
          Back
        </Link>
        <CreateDataFlowButton
          connector={connector.key}
          credentialId={credential.id}
          configuration={configuration}
          configureHref={configureHref}
        />
      </div>
    </div>
  );
}
