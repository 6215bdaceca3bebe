import type { Metadata } from "next";
import { ApiSettingsBreadcrumbs } from "@/components/clients/api-settings-breadcrumbs";
import { ApiSettingsSections } from "@/components/security/api-settings-sections";
import { toTokenRowView } from "@/components/tokens/token-views";
import { TokensTable } from "@/components/tokens/tokens-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listOrganizationTokens } from "@/lib/tokens/token-queries";

export const metadata: Metadata = { title: "Personal tokens · API Settings" };

export default async function OrganizationTokensPage() {
  const admin = await requireAdmin();
  const tokens = await listOrganizationTokens(await getDb(), admin.organization.id);
  return (
    <>
      <ApiSettingsBreadcrumbs current="Personal tokens" />
      <PageHeader
        title="Personal tokens"
        description="Every live personal token in your organization. Revoking one stops it on its next request; its owner can create another on their Integrations page."
      />
      <ApiSettingsSections current="/admin/api-settings/tokens" />
      <TokensTable rows={tokens.map(toTokenRowView)} mode="admin" />
    </>
  );
}
