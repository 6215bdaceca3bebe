import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/clients/format-date-time";
import { CredentialAuditEvents } from "@/components/credentials/credential-audit-events";
import { CredentialSettingsForm } from "@/components/credentials/credential-settings-form";
import { toCredentialSummary } from "@/components/credentials/credential-summary";
import { CredentialsBreadcrumbs } from "@/components/credentials/credentials-breadcrumbs";
import { DeleteCredentialButton } from "@/components/credentials/delete-credential-button";
import { ReplaceSecretForm } from "@/components/credentials/replace-secret-form";
import { TestConnectionPanel } from "@/components/credentials/test-connection-panel";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { listAuditEventsForTarget } from "@/lib/audit/list-audit-events-for-target";
import { requireAdmin } from "@/lib/auth/current-user";
import { listDataFlows } from "@/lib/data-flows/data-flow-queries";
import { getDb } from "@/lib/db/client";
import { CREDENTIAL_SECRETS_UNREADABLE } from "@/lib/outbound-credentials/credential-errors";
import { CREDENTIAL_TARGET_TYPE } from "@/lib/outbound-credentials/credential-record";
import { findOutboundCredential } from "@/lib/outbound-credentials/find-outbound-credential";

export const metadata: Metadata = { title: "Credential" };

/**
 * One outbound credential of the organization: its safe fields, "Test connection", its
 * settings, "Replace secret", deletion and history. Its secrets are never read here; any
 * other organization's credential id is simply not found.
 */
export default async function CredentialPage({ params }: { params: Promise<{ credentialId: string }> }) {
  const admin = await requireAdmin();
  const { credentialId } = await params;
  const organizationId = admin.organization.id;
  const db = await getDb();
  const credential = await findOutboundCredential(db, organizationId, credentialId);
  if (!credential) notFound();
  const [events, flows] = await Promise.all([
    listAuditEventsForTarget(db, organizationId, { type: CREDENTIAL_TARGET_TYPE, id: credential.id }),
    listDataFlows(db, organizationId),
  ]);
  const usedBy = flows.filter((flow) => flow.credentialId === credential.id).map((flow) => flow.name);
  const summary = toCredentialSummary(credential);
  const unreadable =
    credential.lastTestOutcome === "failed" && credential.lastTestMessage === CREDENTIAL_SECRETS_UNREADABLE;

  return (
    <>
      <CredentialsBreadcrumbs current={credential.name} />
      <PageHeader title={credential.name} description={credential.description || "No description."} />
      {unreadable ? (
        <div
          role="note"
          className="mb-6 max-w-3xl rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p className="font-medium">{CREDENTIAL_SECRETS_UNREADABLE}</p>
          <p className="mt-1">
            Latchkey could not decrypt them at the last test (the failure is in the history below). Type both
            values again under Replace secret.
          </p>
        </div>
      ) : null}
      <dl className="mb-8 grid max-w-3xl gap-2 text-sm sm:grid-cols-[11rem_1fr]">
        <dt className="text-slate-500">Connector</dt>
        <dd>{summary.connectorLabel}</dd>
        <dt className="text-slate-500">Host URL</dt>
        <dd className="break-all font-mono">{credential.hostUrl}</dd>
        <dt className="text-slate-500">API key</dt>
        <dd className="font-mono">{summary.apiKeyHint}</dd>
        <dt className="text-slate-500">Client secret</dt>
        <dd>Stored encrypted; never shown</dd>
        <dt className="text-slate-500">Secret last set</dt>
        <dd>{formatDateTime(credential.secretsUpdatedAt)}</dd>
        <dt className="text-slate-500">Created</dt>
        <dd>{formatDateTime(credential.createdAt)}</dd>
        <dt className="text-slate-500">Data flows using it</dt>
        <dd>{usedBy.length > 0 ? usedBy.join(", ") : "None"}</dd>
      </dl>
      <div className="space-y-10">
        <PageSection id="credential-connection" title="Connection">
          <TestConnectionPanel credentialId={credential.id} lastTest={summary.lastTest} />
        </PageSection>
        <PageSection id="credential-settings" title="Settings">
          <CredentialSettingsForm
            credential={{
              id: credential.id,
              connector: credential.connector,
              name: credential.name,
              description: credential.description,
              hostUrl: credential.hostUrl,
            }}
          />
        </PageSection>
        <PageSection id="credential-secret" title="Replace secret">
          <ReplaceSecretForm credentialId={credential.id} connector={credential.connector} />
        </PageSection>
        <PageSection id="credential-deletion" title="Deletion">
          <DeleteCredentialButton
            credential={{ id: credential.id, name: credential.name, connectorLabel: summary.connectorLabel }}
          />
        </PageSection>
        <PageSection id="credential-history" title="History">
          <CredentialAuditEvents events={events} format={formatDateTime} />
        </PageSection>
      </div>
    </>
  );
}
