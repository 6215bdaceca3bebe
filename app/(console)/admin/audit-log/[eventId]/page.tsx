import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditEventChanges } from "@/components/audit-log/audit-event-changes";
import { AuditEventFields } from "@/components/audit-log/audit-event-fields";
import { AuditEventSummary } from "@/components/audit-log/audit-event-summary";
import { AuditLogBreadcrumbs } from "@/components/audit-log/audit-log-breadcrumbs";
import { formatUtc } from "@/components/audit-log/format-utc";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { auditActionLabel } from "@/lib/audit/audit-action-catalogue";
import { describeAuditDetails } from "@/lib/audit/describe-audit-details";
import { findAuditEvent } from "@/lib/audit/find-audit-event";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Audit event" };

/**
 * One event of the organization's audit log: every field, what a change changed (before and
 * after), and whatever else it recorded. Another organization's event, or one of none, is simply
 * not found.
 */
export default async function AuditEventPage({ params }: { params: Promise<{ eventId: string }> }) {
  const admin = await requireAdmin();
  const { eventId } = await params;
  const event = await findAuditEvent(await getDb(), admin.organization.id, eventId);
  if (!event) notFound();
  const title = auditActionLabel(event.action);
  const { changes, fields } = describeAuditDetails(event.action, event.details);

  return (
    <>
      <AuditLogBreadcrumbs current={title} />
      <PageHeader title={title} description={`By ${event.actorLabel}, ${formatUtc(event.createdAt)}.`} />
      <AuditEventSummary event={event} />
      <div className="space-y-8">
        {changes.length > 0 ? (
          <PageSection id="audit-event-changes" title="Changes">
            <AuditEventChanges changes={changes} />
          </PageSection>
        ) : null}
        <PageSection id="audit-event-details" title="Details">
          {fields.length > 0 ? (
            <AuditEventFields fields={fields} />
          ) : (
            <p className="text-sm text-slate-600">Nothing more was recorded.</p>
          )}
        </PageSection>
      </div>
    </>
  );
}
