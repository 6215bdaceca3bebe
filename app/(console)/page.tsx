import type { Metadata } from "next";
import Link from "next/link";
import { ExpiringCredentialsNotice } from "@/components/lifecycle/expiring-credentials-notice";
import { PageHeader } from "@/components/ui/page-header";
import { OrganizationUsage } from "@/components/usage/organization-usage";
import { toUsageChartData } from "@/components/usage/usage-chart-data";
import { DisabledEndpointsNotice } from "@/components/webhooks/disabled-endpoints-notice";
import { requireUser } from "@/lib/auth/current-user";
import { type Database, getDb } from "@/lib/db/client";
import { listExpiringCredentials } from "@/lib/lifecycle/expiring-credentials";
import { getOrganizationOverview, PLAN_LABELS } from "@/lib/organizations/organization-overview";
import { effectiveSecurityLevel, SECURITY_LEVEL_LABELS } from "@/lib/organizations/security-level";
import {
  clientsRefusedOften,
  DASHBOARD_DAYS,
  loadClientTraffic,
  loadSecretsInGrace,
} from "@/lib/usage/organization-usage";
import { loadUsageSeries } from "@/lib/usage/usage-series";
import { listEndpointsDisabledForFailing } from "@/lib/webhooks/webhook-queries";

/** Organization-wide API usage: for console administrators only. */
async function loadOrganizationUsage(db: Database, organizationId: string) {
  const [series, clients, secretsInGrace] = await Promise.all([
    loadUsageSeries(db, organizationId, null, { granularity: "day", buckets: DASHBOARD_DAYS }),
    loadClientTraffic(db, organizationId),
    loadSecretsInGrace(db, organizationId),
  ]);
  return {
    traffic: toUsageChartData(series, `Last ${DASHBOARD_DAYS} days`),
    topClients: clients.slice(0, 5),
    refusedOften: clientsRefusedOften(clients),
    secretsInGrace,
  };
}

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const db = await getDb();
  const { organization, counts } = await getOrganizationOverview(db, user.organization.id);
  // Administrators see everything of the organization that lapses soon; others their own tokens.
  const expiring = await listExpiringCredentials(
    db,
    user.organization.id,
    user.role.consoleAdmin ? {} : { userId: user.id },
  );
  // Administrators are told here too when Latchkey disabled a webhook endpoint for failing.
  const disabledEndpoints = user.role.consoleAdmin
    ? await listEndpointsDisabledForFailing(db, user.organization.id)
    : [];
  const usage = user.role.consoleAdmin ? await loadOrganizationUsage(db, user.organization.id) : null;
  const figures = [
    { label: "Active users", value: counts.activeUsers },
    { label: "Cases", value: counts.cases },
    { label: "Evidence items", value: counts.evidence },
    { label: "Devices", value: counts.devices },
  ];
  return (
    <>
      <PageHeader
        title={user.organization.name}
        description={`Signed in as ${user.email} (${user.role.name}).`}
      />
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-slate-200 bg-white p-5">
            <dt className="text-sm text-slate-500">{figure.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{figure.value.toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
      {disabledEndpoints.length > 0 ? (
        <div className="mt-8">
          <DisabledEndpointsNotice endpoints={disabledEndpoints} />
        </div>
      ) : null}
      {expiring.length > 0 ? (
        <div className="mt-8">
          <ExpiringCredentialsNotice
            credentials={expiring}
            headingId="expiring-credentials-heading"
            showOwner={user.role.consoleAdmin}
          />
        </div>
      ) : null}
      {organization ? (
        <section className="mt-8 rounded-lg border border-slate-200 bg-white p-5 text-sm">
          <h2 className="mb-3 font-semibold">Organization</h2>
          <dl className="grid gap-2 sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-500">Plan</dt>
            <dd>{PLAN_LABELS[organization.plan]}</dd>
            <dt className="text-slate-500">Security level</dt>
            <dd>{SECURITY_LEVEL_LABELS[effectiveSecurityLevel(organization.securityLevel)]}</dd>
            <dt className="text-slate-500">API access restricted by IP</dt>
            <dd>{organization.restrictApiByIp ? "Yes" : "No"}</dd>
            <dt className="text-slate-500">Partner ID</dt>
            <dd className="font-mono">{user.organization.partnerId}</dd>
          </dl>
        </section>
      ) : null}
      {usage ? <OrganizationUsage {...usage} /> : null}
    </>
  );
}
