import type { Metadata } from "next";
import { toCredentialSummary } from "@/components/credentials/credential-summary";
import { CONNECTOR_DESCRIPTIONS } from "@/components/data-flows/connector-descriptions";
import { CredentialTileSearch } from "@/components/data-flows/credential-tile-search";
import { DataFlowWizard } from "@/components/data-flows/data-flow-wizard";
import { CONFIGURATION_PARAMS } from "@/components/data-flows/wizard-state";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { OUTBOUND_CONNECTOR_KEYS, OUTBOUND_CONNECTORS } from "@/lib/outbound-credentials/connectors";
import type { OutboundCredentialRecord } from "@/lib/outbound-credentials/credential-record";
import { findOutboundCredential } from "@/lib/outbound-credentials/find-outbound-credential";
import { listOutboundCredentials } from "@/lib/outbound-credentials/list-outbound-credentials";

export const metadata: Metadata = { title: "Create data flow" };

/** As many tiles as one page of the Credentials list holds at most; beyond that, a search. */
const TILE_LIMIT = 100;

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

export default async function NewDataFlowPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const query = single(params.q).trim();
  const selectedId = single(params.credential);
  const db = await getDb();
  const organizationId = admin.organization.id;
  const page = await listOutboundCredentials(db, organizationId, {
    search: query,
    sort: "name",
    limit: TILE_LIMIT,
  });
  const rows: OutboundCredentialRecord[] = [...page.credentials];
  // A credential the address names stays offered even when it is not on the first page of tiles.
  if (selectedId && !rows.some((row) => row.id === selectedId)) {
    const selected = await findOutboundCredential(db, organizationId, selectedId);
    if (selected) rows.push(selected);
  }
  const connectors = OUTBOUND_CONNECTOR_KEYS.map((key) => ({
    key,
    label: OUTBOUND_CONNECTORS[key].label,
    description: CONNECTOR_DESCRIPTIONS[key],
  }));

  return (
    <>
      <Breadcrumbs items={[{ href: "/data-flows", label: "Data flows" }, { label: "Create data flow" }]} />
      <PageHeader
        title="Create data flow"
        description="Choose the system to import from, the credential Latchkey signs in with, what to import and when."
      />
      <DataFlowWizard
        params={{
          step: single(params.step) || null,
          connector: single(params.connector) || null,
          credential: selectedId || null,
          ...Object.fromEntries(
            CONFIGURATION_PARAMS.filter((key) => typeof params[key] === "string").map((key) => [
              key,
              single(params[key]),
            ]),
          ),
        }}
        connectors={connectors}
        credentials={rows.map(toCredentialSummary)}
        moreCredentials={
          page.total > page.credentials.length || query !== "" ? (
            <CredentialTileSearch
              shown={page.credentials.length}
              total={page.total}
              query={query}
              connector={single(params.connector) || OUTBOUND_CONNECTOR_KEYS[0]}
            />
          ) : undefined
        }
      />
    </>
  );
}
