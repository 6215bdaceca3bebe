import type { Metadata } from "next";
import { ApiSettingsBreadcrumbs } from "@/components/clients/api-settings-breadcrumbs";
import { ApiSettingsSections } from "@/components/security/api-settings-sections";
import { ExpiryNoticesForm } from "@/components/security/expiry-notices-form";
import { IdleClientPolicyForm } from "@/components/security/idle-client-policy-form";
import { SecurityLevelForm } from "@/components/security/security-level-form";
import { TokenPolicyForm } from "@/components/security/token-policy-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getIdleClientPolicy } from "@/lib/clients/idle-client-policy";
import { getDb } from "@/lib/db/client";
import { getExpiryNoticeDays } from "@/lib/lifecycle/expiring-credentials";
import { isLegacyRetired } from "@/lib/organizations/security-level";
import { getSecuritySettings } from "@/lib/organizations/security-settings";

export const metadata: Metadata = { title: "Security · API Settings" };

const formatDay = (date: Date) => date.toISOString().slice(0, 10);

export default async function SecuritySettingsPage() {
  const admin = await requireAdmin();
  const db = await getDb();
  const [settings, idleDays, noticeDays] = await Promise.all([
    getSecuritySettings(db, admin.organization.id),
    getIdleClientPolicy(db, admin.organization.id),
    getExpiryNoticeDays(db, admin.organization.id),
  ]);
  const retired = isLegacyRetired(new Date(), settings.legacySunset);
  return (
    <>
      <ApiSettingsBreadcrumbs current="Security" />
      <PageHeader
        title="Security"
        description="How people and programs may authenticate to your organization's REST API, and how long personal tokens last."
      />
      <ApiSettingsSections current="/admin/api-settings/security" />
      {settings.upgradedOnSunset ? (
        <div
          role="note"
          className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
        >
          Legacy was retired on {formatDay(settings.upgradedOnSunset)}. Your organization was set to Legacy
          and has been upgraded to High: legacy API keys no longer work.
        </div>
      ) : settings.legacySunset && !retired ? (
        <p role="note" className="mb-6 text-sm text-slate-600">
          Legacy will be retired on {formatDay(settings.legacySunset)}; organizations still at Legacy then
          become High.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <section
          aria-labelledby="security-level-heading"
          className="rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="security-level-heading" className="mb-3 text-lg font-semibold">
            Security level
          </h2>
          <SecurityLevelForm level={settings.level} legacyRetired={retired} />
        </section>
        <section
          aria-labelledby="token-expiration-heading"
          className="rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="token-expiration-heading" className="mb-3 text-lg font-semibold">
            Token expiration settings
          </h2>
          <TokenPolicyForm
            policy={{
              defaultTokenExpirationDays: settings.defaultTokenExpirationDays,
              maxTokenExpirationDays: settings.maxTokenExpirationDays,
              allowUnexpiringTokens: settings.allowUnexpiringTokens,
            }}
          />
        </section>
        <section
          aria-labelledby="idle-clients-heading"
          className="rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="idle-clients-heading" className="mb-3 text-lg font-semibold">
            Idle clients
          </h2>
          <IdleClientPolicyForm days={idleDays} />
        </section>
        <section
          aria-labelledby="expiry-notices-heading"
          className="rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="expiry-notices-heading" className="mb-3 text-lg font-semibold">
            Expiry notices
          </h2>
          <ExpiryNoticesForm days={noticeDays} />
        </section>
      </div>
    </>
  );
}
