import type { Executor } from "@/lib/db/client";
import { type AuditLogPage, readAuditLogPage } from "./audit-log-page";
import type { AuditLogParams, AuditLogQuery } from "./audit-log-params";
import { toAuditLogQuery } from "./audit-log-params";
import { type AuditLogCount, countAuditLog } from "./count-audit-log";

export interface LoadedAuditLog {
  query: AuditLogQuery;
  page: AuditLogPage;
  count: AuditLogCount;
}

/** Everything the audit log page reads for one URL: its page of events and how many match. */
export async function loadAuditLog(
  executor: Executor,
  organizationId: string,
  params: AuditLogParams,
): Promise<LoadedAuditLog> {
  const query = toAuditLogQuery(params);
  const [page, count] = await Promise.all([
    readAuditLogPage(executor, organizationId, query.filters, {
      order: query.order,
      after: params.after,
      before: params.before,
      limit: params.pageSize,
    }),
    countAuditLog(executor, organizationId, query.filters),
  ]);
  return { query, page, count };
}
