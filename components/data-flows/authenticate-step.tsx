import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { type CredentialSummary, credentialPath } from "@/components/credentials/credential-summary";
import { LastTestResult } from "@/components/credentials/last-test-result";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import { AddCredentialTile } from "./add-credential-tile";
import { credentialTileId } from "./credential-tile-id";
import { RadioTile } from "./radio-tile";
import { WIZARD_PATH, type WizardState, wizardHref } from "./wizard-state";

/**
 * Step "Authenticate": a tile per saved credential of the chosen connector (name, host, the
 * API key's ends, the last test), each linking to its page, and the "Add Credential" tile.
 * "Continue" opens Configure.
 */
export function AuthenticateStep({
  connector,
  state,
  credentials,
  error,
  more,
}: {
  connector: { key: OutboundConnectorKey; label: string };
  state: WizardState;
  credentials: readonly CredentialSummary[];
  error: string | null;
  /** Shown when the organization has more credentials than the tiles show. */
  more?: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Choose the {connector.label} credential the data flow signs in with, or add one.
      </p>
      <FormMessage message={error ?? undefined} />
      {more}
      <Form action={WIZARD_PATH} id="authenticate-form" className="space-y-4">
        <input type="hidden" name="step" value="configure" />
        <input type="hidden" name="connector" value={connector.key} />
        {credentials.length > 0 ? (
          <div role="radiogroup" aria-labelledby="credential-choices-label">
            <p id="credential-choices-label" className="sr-only">
              {connector.label} credentials
            </p>
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {credentials.map((credential) => (
                <RadioTile
                  key={credential.id}
                  id={credentialTileId(credential.id)}
                  name="credential"
                  value={credential.id}
                  checked={state.credentialId === credential.id}
                  title={credential.name}
                  details={
                    <>
                      <p className="break-all font-mono text-xs text-slate-700">{credential.hostUrl}</p>
                      <p>
                        API key{" "}
                        <span className="font-mono text-xs text-slate-700">{credential.apiKeyHint}</span>
                      </p>
                      <LastTestResult lastTest={credential.lastTest} compact />
                      {credential.description ? <p className="text-xs">{credential.description}</p> : null}
                    </>
                  }
                  extra={
                    <Link href={credentialPath(credential.id)} className="text-indigo-700 underline">
                      View credential<span className="sr-only"> {credential.name}</span>
                    </Link>
                  }
                />
              ))}
            </div>
          </div>
        ) : (
          <p className="text-sm text-slate-700">No {connector.label} credentials are saved yet.</p>
        )}
      </Form>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <AddCredentialTile
          connector={connector.key}
          connectorLabel={connector.label}
          selectedCredentialId={state.credentialId}
        />
      </div>
      <div className="flex gap-2 border-t border-slate-200 pt-4">
        <Link href={wizardHref("connector", state)} className={buttonClasses("secondary")}>
          Back
        </Link>
        <Button type="submit" form="authenticate-form">
          Continue
        </Button>
      </div>
    </div>
  );
}
