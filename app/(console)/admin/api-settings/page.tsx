import type { Metadata } from "next";
import Link from "next/link";
import { ApiSettingsBreadcrumbs } from "@/components/clients/api-settings-breadcrumbs";
import { ClientsEmptyState } from "@/components/clients/clients-empty-state";
import { ClientsTable } from "@/components/clients/clients-table";
import { formatDateTime } from "@/components/clients/format-date-time";
import { IpRestrictionSwitch } from "@/components/clients/ip-restriction-switch";
import { ApiSettingsSections } from "@/components/security/api-settings-sections";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { API_ACCESS_NOT_IN_PLAN } from "@/lib/clients/client-errors";
import { clientListParamsSchema, toListClientsQuery } from "@/lib/clients/client-list-params";
import { clientNotice } from "@/lib/clients/client-notice";
import { loadClientPolicy } from "@/lib/clients/client-policy";
import { getIdleClientPolicy } from "@/lib/clients/idle-client-policy";
import { listClients } from "@/lib/clients/list-clients";
import { getDb } from "@/lib/db/client";
import { summarizeGrid } from "@/lib/permissions/grid";
import { PLANS, planIncludes, plansIncluding } from "@/lib/plans/plan-catalogue";

export const metadata: Metadata = { title: "API Settings" };

export default async function ApiSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const admin = await requireAdmin();
  const params = clientListParamsSchema.parse(await searchParams);
  const db = await getDb();
  const policy = await loadClientPolicy(db, admin.organization.id);
  const idleDays = await getIdleClientPolicy(db, admin.organization.id);
  const { clients, total } = await listClients(db, admin.organization.id, {
    ...toListClientsQuery(params),
    idleDays,
  });
  const now = new Date();
  const inPlan = planIncludes(policy.plan, "apiAccess");
  const filtered = params.q !== "" || params.status !== "all" || params.usage !== "all";

  return (
    <>
      <ApiSettingsBreadcrumbs />
      <PageHeader
        title="API Access Clients"
        description={
          <>
            A client is a program (a script, an integration, a partner system) that reaches your
            organization's data through the API with its own client ID and secret, and only with the
            permissions you grant it. See{" "}
            <Link href="/docs/access-and-authorization" className="text-indigo-700 underline">
              Access and authorization
            </Link>{" "}
            for what each permission opens.
          </>
        }
        actions={
          inPlan ? (
            <Link href="/admin/api-settings/clients/new" className={buttonClasses()}>
              Create Client
            </Link>
          ) : undefined
        }
      />
      <ApiSettingsSections current="/admin/api-settings" />
      {inPlan ? null : (
        <div
          role="note"
          className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm text-amber-900"
        >
          <p className="font-medium">{API_ACCESS_NOT_IN_PLAN}</p>
          <p className="mt-1">
            Programs cannot reach {admin.organization.name}'s data through the API on the{" "}
            {PLANS[policy.plan].label} plan. Ask whoever manages your subscription about the{" "}
            {plansIncluding("apiAccess").join(" or ")} plan.
          </p>
        </div>
      )}
      {planIncludes(policy.plan, "ipRestriction") || policy.restrictApiByIp ? (
        <IpRestrictionSwitch
          enabled={policy.restrictApiByIp}
          canEnable={planIncludes(policy.plan, "ipRestriction")}
        />
      ) : null}
      {inPlan || total > 0 || filtered ? (
        <ClientsTable
          rows={clients.map((client) => ({
            clientId: client.clientId,
            name: client.name,
            permissionSummary: summarizeGrid(client.permissions),
            allowedIps: client.allowedIps,
            status: client.status,
            created: formatDateTime(client.createdAt),
            lastUsed: client.lastUsedAt ? formatDateTime(client.lastUsedAt) : "Never",
            notice: clientNotice(client, idleDays, now),
          }))}
          total={total}
          state={params}
          status={params.status}
          usage={params.usage}
          showAllowedIps={policy.restrictApiByIp}
          empty={<ClientsEmptyState filtered={filtered} canCreate={inPlan} />}
        />
      ) : null}
    </>
  );
}
