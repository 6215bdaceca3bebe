import type { Metadata } from "next";
import { ApiSettingsBreadcrumbs } from "@/components/clients/api-settings-breadcrumbs";
import { ApiSettingsSections } from "@/components/security/api-settings-sections";
import { toTokenRowView } from "@/components/tokens/token-views";
import { TokensTable } from "@/components/tokens/tokens-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listOrganizationTokens } from "@/lib/tokens/token-queries";
import { loadTokenUsage } from "@/lib/usage/token-usage";

export const metadata: Metadata = { title: "Personal tokens · API Settings" };

export default async function OrganizationTokensPage() {
  const admin = await requireAdmin();
  const db = await getDb();
  const tokens = await listOrganizationTokens(db, admin.organization.id);
  const usage = await loadTokenUsage(
    db,
    admin.organization.id,
    tokens.map((token) => token.id),
  );
  return (
    <>
      <ApiSettingsBreadcrumbs current="Personal tokens" />
      <PageHeader
        title="Personal tokens"
        description="Every live personal token in your organization. Revoking one stops it on its next request; its owner can create another on their Integrations page."
      />
      <ApiSettingsSections current="/admin/api-settings/tokens" />
      <TokensTable rows={tokens.map((token) => toTokenRowView(token, usage.get(token.id)))} mode="admin" />
    </>
  );
}
