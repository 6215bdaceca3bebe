import type { Metadata } from "next";
import Link from "next/link";
import { ExpiringCredentialsNotice } from "@/components/lifecycle/expiring-credentials-notice";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { toTokenRowView } from "@/components/tokens/token-views";
import { TokensTable } from "@/components/tokens/tokens-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listExpiringCredentials } from "@/lib/lifecycle/expiring-credentials";
import { summarizeGrid } from "@/lib/permissions/grid";
import { loadTokenOwner, REST_API_OFF_FOR_ROLE } from "@/lib/tokens/token-owner";
import { listUserTokens } from "@/lib/tokens/token-queries";
import { loadTokenUsage } from "@/lib/usage/token-usage";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const user = await requireUser();
  const db = await getDb();
  const owner = await loadTokenOwner(db, user.organization.id, user.id);
  const tokens = await listUserTokens(db, user.organization.id, user.id);
  const expiring = await listExpiringCredentials(db, user.organization.id, { userId: user.id });
  const usage = await loadTokenUsage(
    db,
    user.organization.id,
    tokens.map((token) => token.id),
  );
  return (
    <>
      <PageHeader
        title="Integrations"
        description={
          <>
            Personal tokens let your scripts and integrations call the{" "}
            <Link href="/docs/api" className="text-indigo-700 underline">
              REST API
            </Link>{" "}
            as you: send one as <code className="font-mono">Authorization: Bearer lk_pat_…</code>. A token can
            do at most what your role ({owner.role.name}) allows, now and as the role changes.
          </>
        }
      />
      {expiring.length > 0 ? (
        <div className="mb-6">
          <ExpiringCredentialsNotice
            credentials={expiring}
            headingId="expiring-tokens-heading"
            showOwner={false}
          />
        </div>
      ) : null}
      <section aria-labelledby="authorizations-heading" className="space-y-4">
        <h2 id="authorizations-heading" className="text-lg font-semibold">
          Authorizations
        </h2>
        {owner.role.restApiEnabled ? (
          <>
            <p className="text-sm text-slate-600">
              Your role allows: {summarizeGrid(owner.role.permissions)}.
            </p>
            <CreateTokenForm policy={owner.policy} rolePermissions={owner.role.permissions} />
          </>
        ) : (
          <div
            role="note"
            className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          >
            {REST_API_OFF_FOR_ROLE(owner.role.name)}
          </div>
        )}
        <TokensTable rows={tokens.map((token) => toTokenRowView(token, usage.get(token.id)))} mode="own" />
      </section>
    </>
  );
}
