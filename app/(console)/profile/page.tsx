import type { Metadata } from "next";
import Link from "next/link";
import { LegacyKeyPanel } from "@/components/profile/legacy-key-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { SECURITY_LEVEL_LABELS } from "@/lib/organizations/security-level";
import { findLegacyKey, LEGACY_ONLY } from "@/lib/tokens/legacy-keys";
import { loadTokenOwner, REST_API_OFF_FOR_ROLE } from "@/lib/tokens/token-owner";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireUser();
  const db = await getDb();
  const owner = await loadTokenOwner(db, user.organization.id, user.id);
  const key = await findLegacyKey(db, user.organization.id, user.id);
  const reason =
    owner.level !== "legacy"
      ? LEGACY_ONLY
      : owner.role.restApiEnabled
        ? null
        : REST_API_OFF_FOR_ROLE(owner.role.name);
  return (
    <>
      <PageHeader title="Profile" description={`${user.name} · ${user.email}`} />
      <dl className="mb-8 grid max-w-xl gap-2 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="text-slate-500">Organization</dt>
        <dd>{user.organization.name}</dd>
        <dt className="text-slate-500">Role</dt>
        <dd>{owner.role.name}</dd>
        <dt className="text-slate-500">REST API</dt>
        <dd>{owner.role.restApiEnabled ? "Enabled for your role" : "Disabled for your role"}</dd>
        <dt className="text-slate-500">Security level</dt>
        <dd>{SECURITY_LEVEL_LABELS[owner.level]}</dd>
      </dl>
      <section
        aria-labelledby="legacy-key-heading"
        className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5"
      >
        <h2 id="legacy-key-heading" className="mb-2 text-lg font-semibold">
          Legacy API key
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          A static key for older integrations, sent as{" "}
          <code className="font-mono">Authorization: Bearer lk_legacy_…</code>. It acts with your role's
          permissions and works only while your organization is at the Legacy security level. Prefer a
          personal token from{" "}
          <Link href="/integrations" className="text-indigo-700 underline">
            Integrations
          </Link>
          .
        </p>
        <LegacyKeyPanel
          existing={
            key
              ? { displayPrefix: key.displayPrefix, createdAt: key.createdAt.toISOString().slice(0, 10) }
              : null
          }
          canCreate={reason === null}
          reason={reason}
        />
      </section>
    </>
  );
}
