import Link from "next/link";
import type { ReactNode } from "react";
import { type CredentialSummary, credentialPath } from "@/components/credentials/credential-summary";
import { LastTestResult } from "@/components/credentials/last-test-result";
import { FormMessage } from "@/components/ui/field";
import { RadioTile } from "./radio-tile";

/** The radio of a credential's tile, for moving focus to a tile just added. */
export const credentialTileId = (credentialId: string) => `credential-${credentialId}`;

/**
 * Step "Authenticate": a tile per saved credential of the chosen connector (name, host, the
 * API key's ends, the last test), each linking to its page, and the "Add Credential" tile.
 */
export function AuthenticateStep({
  connectorLabel,
  credentials,
  chosen,
  error,
  more,
  onChoose,
  onAdd,
}: {
  connectorLabel: string;
  credentials: readonly CredentialSummary[];
  chosen: string | null;
  error?: string;
  /** Shown when the organization has more credentials than the tiles show. */
  more?: ReactNode;
  onChoose: (credentialId: string) => void;
  onAdd: () => void;
}) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Choose the {connectorLabel} credential the data flow signs in with, or add one.
      </p>
      <FormMessage message={error} />
      {more}
      {credentials.length > 0 ? (
        <div role="radiogroup" aria-labelledby="credential-choices-legend">
          <p id="credential-choices-legend" className="sr-only">
            {connectorLabel} credentials
          </p>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {credentials.map((credential) => (
              <RadioTile
                key={credential.id}
                id={credentialTileId(credential.id)}
                name="credential"
                value={credential.id}
                checked={chosen === credential.id}
                onSelect={onChoose}
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
        <p className="text-sm text-slate-700">No {connectorLabel} credentials are saved yet.</p>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="relative rounded-lg border-2 border-dashed border-slate-300 bg-white p-4 hover:border-indigo-500">
          <button
            type="button"
            onClick={onAdd}
            aria-describedby="add-credential-description"
            className="font-medium text-indigo-800 after:absolute after:inset-0 after:content-[''] focus:outline-none focus-visible:after:rounded-lg focus-visible:after:ring-2 focus-visible:after:ring-indigo-500"
          >
            <span aria-hidden="true">+ </span>Add Credential
          </button>
          <p id="add-credential-description" className="mt-1 text-sm text-slate-600">
            Save a new {connectorLabel} host URL, API key and client secret.
          </p>
        </div>
      </div>
    </div>
  );
}
