import type { Metadata } from "next";
import Link from "next/link";
import { ApiSettingsBreadcrumbs } from "@/components/clients/api-settings-breadcrumbs";
import { ClientForm } from "@/components/clients/client-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { API_ACCESS_NOT_IN_PLAN } from "@/lib/clients/client-errors";
import { loadClientPolicy } from "@/lib/clients/client-policy";
import { tokenEndpointUrl } from "@/lib/config/public-urls";
import { getDb } from "@/lib/db/client";
import { planIncludes } from "@/lib/plans/plan-catalogue";
import { grantableScopes, loadGrantCeiling } from "@/lib/roles/grant-ceiling";
import { actorOf } from "@/lib/users/user-commands";

export const metadata: Metadata = { title: "Create Client" };

export default async function NewClientPage() {
  const admin = await requireAdmin();
  const db = await getDb();
  const [policy, ceiling] = await Promise.all([
    loadClientPolicy(db, admin.organization.id),
    loadGrantCeiling(db, admin.organization.id, actorOf(admin)),
  ]);
  return (
    <>
      <ApiSettingsBreadcrumbs current="Create Client" />
      <PageHeader
        title="Create Client"
        description="A client is a program that calls your organization's API with its own client ID and secret. It may do only what you allow below."
      />
      {!planIncludes(policy.plan, "apiAccess") ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm text-amber-900">
          <p className="font-medium">{API_ACCESS_NOT_IN_PLAN}</p>
          <Link href="/admin/api-settings" className="mt-2 inline-block text-indigo-700 underline">
            Back to API Settings
          </Link>
        </div>
      ) : (
        <ClientForm
          mode="create"
          restrictsByIp={policy.restrictApiByIp}
          grantable={grantableScopes(ceiling)}
          connection={{ partnerId: admin.organization.partnerId, tokenUrl: tokenEndpointUrl() }}
        />
      )}
    </>
  );
}
