import Link from "next/link";
import {
  CREDENTIALS_PATH,
  type CredentialSummary,
  credentialPath,
} from "@/components/credentials/credential-summary";
import { LastTestResult } from "@/components/credentials/last-test-result";
import { buttonClasses } from "@/components/ui/button";
import { type WizardState, wizardHref } from "./wizard-state";

/**
 * Step "Configure", as far as it goes before data flows exist: the connector and credential
 * chosen, and a plain statement that choosing what to import (and when) is not here yet.
 */
export function ConfigureStep({
  connectorLabel,
  credential,
  state,
}: {
  connectorLabel: string;
  credential: CredentialSummary;
  state: WizardState;
}) {
  return (
    <div className="space-y-6">
      <dl className="grid max-w-2xl gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-slate-500">Connector</dt>
        <dd className="font-medium text-slate-900">{connectorLabel}</dd>
        <dt className="text-slate-500">Credential</dt>
        <dd>
          <Link href={credentialPath(credential.id)} className="font-medium text-indigo-700 underline">
            {credential.name}
          </Link>
        </dd>
        <dt className="text-slate-500">Host URL</dt>
        <dd className="break-all font-mono text-xs">{credential.hostUrl}</dd>
        <dt className="text-slate-500">API key</dt>
        <dd className="font-mono text-xs">{credential.apiKeyHint}</dd>
        <dt className="text-slate-500">Last test</dt>
        <dd>
          <LastTestResult lastTest={credential.lastTest} />
        </dd>
      </dl>
      <div
        role="note"
        className="max-w-2xl space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm text-amber-900"
      >
        <p className="font-medium">Configuring what to import arrives with data flows.</p>
        <p>
          Latchkey cannot create data flows yet, so this wizard ends here: choosing which {connectorLabel}{" "}
          devices to import, how to map them and when to run, and the Review step, come with data flows. The
          credential you chose is saved; you can test its connection on{" "}
          <Link href={credentialPath(credential.id)} className="underline">
            its page
          </Link>{" "}
          and manage every credential under{" "}
          <Link href={CREDENTIALS_PATH} className="underline">
            Admin → Credentials
          </Link>
          .
        </p>
      </div>
      <div className="flex gap-2 border-t border-slate-200 pt-4">
        <Link href={wizardHref("authenticate", state)} className={buttonClasses("secondary")}>
          Back
        </Link>
      </div>
    </div>
  );
}
