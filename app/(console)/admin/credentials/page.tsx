import type { Metadata } from "next";
import { AddCredentialButton } from "@/components/credentials/add-credential-button";
import { toCredentialSummary } from "@/components/credentials/credential-summary";
import { CredentialsBreadcrumbs } from "@/components/credentials/credentials-breadcrumbs";
import { CredentialsEmptyState } from "@/components/credentials/credentials-empty-state";
import { CredentialsTable } from "@/components/credentials/credentials-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { OUTBOUND_CONNECTOR_KEYS, OUTBOUND_CONNECTORS } from "@/lib/outbound-credentials/connectors";
import {
  credentialListParamsSchema,
  toListOutboundCredentialsQuery,
} from "@/lib/outbound-credentials/credential-list-params";
import { listOutboundCredentials } from "@/lib/outbound-credentials/list-outbound-credentials";

export const metadata: Metadata = { title: "Credentials" };

export default async function CredentialsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const admin = await requireAdmin();
  const params = credentialListParamsSchema.parse(await searchParams);
  const { credentials, total } = await listOutboundCredentials(
    await getDb(),
    admin.organization.id,
    toListOutboundCredentialsQuery(params),
  );
  const single = OUTBOUND_CONNECTOR_KEYS.length === 1;

  return (
    <>
      <CredentialsBreadcrumbs />
      <PageHeader
        title="Credentials"
        description="What Latchkey signs in with when a data flow reaches another system. API keys and client secrets are stored encrypted and never shown again; replace them when they change."
        actions={OUTBOUND_CONNECTOR_KEYS.map((key) => (
          <AddCredentialButton
            key={key}
            connector={key}
            label={single ? "Add Credential" : `Add ${OUTBOUND_CONNECTORS[key].label} credential`}
          />
        ))}
      />
      <CredentialsTable
        rows={credentials.map((credential) => ({
          ...toCredentialSummary(credential),
          dataFlowCount: credential.dataFlowCount,
        }))}
        total={total}
        state={params}
        empty={<CredentialsEmptyState filtered={params.q !== "" || params.connector !== "all"} />}
      />
    </>
  );
}
