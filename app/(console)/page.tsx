import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import {
  getOrganizationOverview,
  PLAN_LABELS,
  SECURITY_LEVEL_LABELS,
} from "@/lib/organizations/organization-overview";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const { organization, counts } = await getOrganizationOverview(await getDb(), user.organization.id);
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
      {organization ? (
        <section className="mt-8 rounded-lg border border-slate-200 bg-white p-5 text-sm">
          <h2 className="mb-3 font-semibold">Organization</h2>
          <dl className="grid gap-2 sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-500">Plan</dt>
            <dd>{PLAN_LABELS[organization.plan]}</dd>
            <dt className="text-slate-500">Security level</dt>
            <dd>{SECURITY_LEVEL_LABELS[organization.securityLevel]}</dd>
            <dt className="text-slate-500">API access restricted by IP</dt>
            <dd>{organization.restrictApiByIp ? "Yes" : "No"}</dd>
            <dt className="text-slate-500">Partner ID</dt>
            <dd className="font-mono">{user.organization.partnerId}</dd>
          </dl>
        </section>
      ) : null}
    </>
  );
}
