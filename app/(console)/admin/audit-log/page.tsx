import type { Metadata } from "next";
import { AuditLogBreadcrumbs } from "@/components/audit-log/audit-log-breadcrumbs";
import { AuditLogExportLinks } from "@/components/audit-log/audit-log-export-links";
import { auditLogFilterOptions, auditLogFilterValues } from "@/components/audit-log/audit-log-filter-options";
import { AuditLogFilters } from "@/components/audit-log/audit-log-filters";
import { AuditLogPager } from "@/components/audit-log/audit-log-pager";
import { AUDIT_LOG_PATH } from "@/components/audit-log/audit-log-paths";
import { toAuditLogRow } from "@/components/audit-log/audit-log-row";
import { AuditLogTable } from "@/components/audit-log/audit-log-table";
import { PageHeader } from "@/components/ui/page-header";
import {
  AUDIT_LOG_PAGE_SIZES,
  auditLogParamsSchema,
  auditLogSearchParams,
} from "@/lib/audit/audit-log-params";
import { loadAuditLog } from "@/lib/audit/load-audit-log";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Audit log" };

/** The list's URL with these changes (a cursor, or none to go back to the start). */
function hrefWith(base: URLSearchParams, pageSize: number, position: { after?: string; before?: string }) {
  const params = new URLSearchParams(base);
  if (pageSize !== 50) params.set("pageSize", String(pageSize));
  if (position.after) params.set("after", position.after);
  if (position.before) params.set("before", position.before);
  const query = params.toString();
  return query ? `${AUDIT_LOG_PATH}?${query}` : AUDIT_LOG_PATH;
}

/**
 * Admin → Security & Integrations → Audit log: every administrative change and security event
 * of the organization, filtered and searched on the server, paged by cursor, each opening its
 * details; the same filters export the whole matching set as CSV or JSON Lines.
 */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const admin = await requireAdmin();
  const params = auditLogParamsSchema.parse(await searchParams);
  const { page, count, query } = await loadAuditLog(await getDb(), admin.organization.id, params);
  const filterParams = auditLogSearchParams(params);
  const filterValues = auditLogFilterValues(params);
  const filtered = [...filterParams.keys()].some((name) => name !== "dir");
  // Newest first, "Newer" is the previous page; oldest first, it is the next.
  const newestFirst = query.order === "desc";
  const previousHref = page.previous
    ? hrefWith(filterParams, params.pageSize, { before: page.previous })
    : null;
  const nextHref = page.next ? hrefWith(filterParams, params.pageSize, { after: page.next }) : null;
  const summary = `${count.count.toLocaleString("en")}${count.capped ? "+" : ""} ${count.count === 1 && !count.capped ? "event" : "events"}${filtered ? " match" : ""}`;

  return (
    <>
      <AuditLogBreadcrumbs />
      <PageHeader
        title="Audit log"
        description="Every change made in the console, through the API or by Latchkey itself, and every security event: tokens issued, credentials refused and why. Times are UTC. Nothing secret is ever recorded."
        actions={<AuditLogExportLinks filters={filterParams} />}
      />
      <AuditLogFilters
        key={JSON.stringify(filterValues)}
        values={filterValues}
        options={auditLogFilterOptions()}
        filtered={filtered}
      />
      {query.tooShort.length > 0 ? (
        <p role="note" className="mb-3 text-sm text-amber-900">
          {query.tooShort.includes("q") ? "The search" : "The actor filter"} needs at least 3 characters; it
          was left out.
        </p>
      ) : null}
      <AuditLogTable
        rows={page.events.map(toAuditLogRow)}
        total={count.count}
        state={{ q: params.q, sort: "createdAt", dir: params.dir, page: 1, pageSize: params.pageSize }}
        empty={filtered ? "No events match these filters." : "No events recorded yet."}
        pager={
          <AuditLogPager
            summary={summary}
            pageSize={params.pageSize}
            pageSizes={AUDIT_LOG_PAGE_SIZES}
            newerHref={newestFirst ? previousHref : nextHref}
            olderHref={newestFirst ? nextHref : previousHref}
            start={
              page.previous
                ? {
                    href: hrefWith(filterParams, params.pageSize, {}),
                    label: newestFirst ? "Newest" : "Oldest",
                  }
                : null
            }
          />
        }
      />
    </>
  );
}
