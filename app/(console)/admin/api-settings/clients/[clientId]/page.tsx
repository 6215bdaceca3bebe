import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiSettingsBreadcrumbs } from "@/components/clients/api-settings-breadcrumbs";
import { ClientApiCalls } from "@/components/clients/client-api-calls";
import { ClientAuditEvents } from "@/components/clients/client-audit-events";
import { ClientForm } from "@/components/clients/client-form";
import { ClientLifecycleControls } from "@/components/clients/client-lifecycle-controls";
import { ClientRequestRateForm } from "@/components/clients/client-request-rate-form";
import { ClientScopesUsed } from "@/components/clients/client-scopes-used";
import { ClientSecretRotation } from "@/components/clients/client-secret-rotation";
import { ClientSecretsList } from "@/components/clients/client-secrets-list";
import { ClientStatusBadge } from "@/components/clients/client-status-badge";
import { ClientUnusedPermissions } from "@/components/clients/client-unused-permissions";
import { ClientUsage } from "@/components/clients/client-usage";
import { formatDateTime } from "@/components/clients/format-date-time";
import { OldSecretTrafficPanel } from "@/components/clients/old-secret-traffic";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { toUsageChartData } from "@/components/usage/usage-chart-data";
import { listAuditEventsForTarget } from "@/lib/audit/list-audit-events-for-target";
import { requireAdmin } from "@/lib/auth/current-user";
import { loadClientPolicy } from "@/lib/clients/client-policy";
import { CLIENT_TARGET_TYPE } from "@/lib/clients/client-record";
import { currentSecretIdOf, findClientForOrganization, listClientSecrets } from "@/lib/clients/find-client";
import { tokenEndpointUrl } from "@/lib/config/public-urls";
import { getDb } from "@/lib/db/client";
import { unusedClientPermissions } from "@/lib/lifecycle/unused-permissions";
import { defaultRequestsPerMinute } from "@/lib/limits/limit-catalogue";
import { describeScopes, grantableScopes, loadGrantCeiling, scopesBeyond } from "@/lib/roles/grant-ceiling";
import { listClientApiRequests } from "@/lib/usage/api-request-log";
import { loadLastSeen, loadOldSecretTraffic, loadScopesUsed } from "@/lib/usage/client-usage";
import { loadUsageSeries, parseUsageRange, USAGE_RANGES } from "@/lib/usage/usage-series";
import { actorOf } from "@/lib/users/user-commands";

export const metadata: Metadata = { title: "API client" };

/**
 * One API client of the organization; any other organization's client ID is simply not found.
 * `?usage=24h|7d|30d` picks the period of its usage chart.
 */
export default async function ClientPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<{ usage?: string | string[] }>;
}) {
  const admin = await requireAdmin();
  const { clientId } = await params;
  const range = parseUsageRange((await searchParams).usage);
  const organizationId = admin.organization.id;
  const db = await getDb();
  const client = await findClientForOrganization(db, organizationId, clientId);
  if (!client) notFound();
  const subject = { kind: "client" as const, id: client.clientId };
  const [policy, secrets, events, calls, ceiling, series, lastSeen, scopesUsed, unused] = await Promise.all([
    loadClientPolicy(db, organizationId),
    listClientSecrets(db, organizationId, client.clientId),
    listAuditEventsForTarget(db, organizationId, { type: CLIENT_TARGET_TYPE, id: client.clientId }),
    listClientApiRequests(db, organizationId, client.clientId, 25),
    loadGrantCeiling(db, organizationId, actorOf(admin)),
    loadUsageSeries(db, organizationId, subject, USAGE_RANGES[range]),
    loadLastSeen(db, organizationId, subject),
    loadScopesUsed(db, organizationId, client.clientId),
    unusedClientPermissions(db, organizationId, client),
  ]);
  const beyond = scopesBeyond(ceiling, client.permissions);
  const now = new Date();
  const inGrace = secrets.filter(
    (secret) => secret.revokedAt === null && secret.expiresAt !== null && secret.expiresAt > now,
  );
  const oldSecretTraffic = await loadOldSecretTraffic(
    db,
    organizationId,
    inGrace.map((secret) => secret.id),
  );
  const clientPath = `/admin/api-settings/clients/${encodeURIComponent(client.clientId)}`;

  return (
    <>
      <ApiSettingsBreadcrumbs current={client.name} />
      <PageHeader
        title={client.name}
        description={client.description || "No description."}
        actions={<ClientStatusBadge status={client.status} />}
      />
      <dl className="mb-8 grid max-w-2xl gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-500">Client ID</dt>
        <dd className="font-mono">{client.clientId}</dd>
        <dt className="text-slate-500">Partner ID</dt>
        <dd className="font-mono">{admin.organization.partnerId}</dd>
        <dt className="text-slate-500">Created</dt>
        <dd>{formatDateTime(client.createdAt)}</dd>
        <dt className="text-slate-500">Last used</dt>
        <dd>
          {lastSeen
            ? `${formatDateTime(lastSeen.at)} from ${lastSeen.ip}${lastSeen.endpoint === "token" ? " (token request)" : ""}`
            : client.lastUsedAt
              ? formatDateTime(client.lastUsedAt)
              : "Never"}
        </dd>
        {lastSeen ? (
          <>
            <dt className="text-slate-500">User agent</dt>
            <dd className="break-all">{lastSeen.userAgent || "None sent"}</dd>
          </>
        ) : null}
        {policy.restrictApiByIp ? null : (
          <>
            <dt className="text-slate-500">Allowed IP Addresses</dt>
            <dd>Any: your organization does not restrict API access by IP.</dd>
          </>
        )}
      </dl>
      <div className="space-y-10">
        <PageSection id="client-usage" title="Usage">
          <ClientUsage
            range={range}
            data={toUsageChartData(series, USAGE_RANGES[range].label)}
            byEndpoint={series.byEndpoint}
            hrefFor={(next) => `${clientPath}?usage=${next}#client-usage`}
          />
        </PageSection>
        <PageSection id="client-scopes-used" title="Scopes used vs granted">
          <ClientScopesUsed granted={client.permissions} used={scopesUsed} />
        </PageSection>
        <PageSection id="client-unused-permissions" title="Unused permissions">
          <ClientUnusedPermissions
            clientId={client.clientId}
            granted={client.permissions}
            unused={unused.map((entry) => ({
              scope: entry.scope,
              grantedOn: entry.grantedAt ? entry.grantedAt.toISOString().slice(0, 10) : null,
            }))}
          />
        </PageSection>
        <PageSection id="client-settings" title="Settings">
          <ClientForm
            mode="edit"
            restrictsByIp={policy.restrictApiByIp}
            grantable={grantableScopes(ceiling)}
            client={{
              clientId: client.clientId,
              name: client.name,
              description: client.description,
              allowedIps: client.allowedIps,
              permissions: client.permissions,
            }}
          />
        </PageSection>
        <PageSection id="client-request-rate" title="Request rate">
          <ClientRequestRateForm
            clientId={client.clientId}
            requestsPerMinute={client.requestsPerMinute}
            defaultRequestsPerMinute={defaultRequestsPerMinute()}
          />
        </PageSection>
        <PageSection id="client-secrets" title="Secrets">
          <p className="max-w-3xl text-sm text-slate-600">
            Secrets are shown once, when they are made; Latchkey keeps only a hash and the first characters.
            Rotating makes a new secret; the old one keeps working for the period you choose, so the program
            can switch over. A client has at most two working secrets. Access tokens last no longer than the
            secret that obtained them: when an old secret stops, its tokens stop with it.
          </p>
          <ClientSecretRotation
            clientId={client.clientId}
            currentSecretId={currentSecretIdOf(secrets)}
            connection={{ partnerId: admin.organization.partnerId, tokenUrl: tokenEndpointUrl() }}
            refusal={
              beyond.length > 0
                ? `You cannot rotate this client's secret: it holds ${describeScopes(beyond)}, which your role does not, and the new secret would carry those rights to you.`
                : undefined
            }
          />
          <ClientSecretsList clientId={client.clientId} secrets={secrets} format={formatDateTime} />
          <OldSecretTrafficPanel secrets={inGrace} traffic={oldSecretTraffic} format={formatDateTime} />
        </PageSection>
        <PageSection id="client-lifecycle" title="Status and deletion">
          <ClientLifecycleControls
            key={client.status}
            client={{ clientId: client.clientId, name: client.name, status: client.status }}
          />
        </PageSection>
        <PageSection id="client-activity" title="Recent activity">
          <ClientAuditEvents events={events} format={formatDateTime} />
        </PageSection>
        <PageSection id="client-api-calls" title="API calls">
          <ClientApiCalls calls={calls} format={formatDateTime} />
        </PageSection>
      </div>
    </>
  );
}
