import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import type { Executor } from "@/lib/db/client";
import type { AuditLogFilters } from "./audit-log-filters";
import {
  type AuditLogEvent,
  type AuditLogOrder,
  type AuditLogPosition,
  readAuditEvents,
} from "./read-audit-events";

export interface AuditLogPageRequest {
  order: AuditLogOrder;
  /** The `next` cursor of the page before: this page follows it. */
  after?: string;
  /** The `previous` cursor of the page after: this page comes before it. */
  before?: string;
  limit: number;
}

export interface AuditLogPage {
  events: AuditLogEvent[];
  /** Cursors to the page before and after this one, in the list's order; null at either end. */
  previous: string | null;
  next: string | null;
}

/** Opaque to the browser: the order it was made in, and the place (lib/api/cursor.ts). */
function cursorAt(order: AuditLogOrder, position: AuditLogPosition): string {
  return encodeCursor({ sort: order, key: position.key, id: position.id });
}

/** The place a cursor holds, or undefined for a cursor of another order or none of ours. */
function placeOf(order: AuditLogOrder, cursor: string | undefined): AuditLogPosition | undefined {
  const decoded = cursor ? decodeCursor(cursor) : null;
  return decoded && decoded.sort === order ? { key: decoded.key, id: decoded.id } : undefined;
}

async function firstPage(
  executor: Executor,
  organizationId: string,
  filters: AuditLogFilters,
  request: AuditLogPageRequest,
): Promise<AuditLogPage> {
  const rows =
    (await readAuditEvents(executor, organizationId, filters, {
      order: request.order,
      limit: request.limit + 1,
    })) ?? [];
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    events: page.map(withoutPosition),
    previous: null,
    next: rows.length > request.limit && last ? cursorAt(request.order, last.position) : null,
  };
}

function withoutPosition({ position: _position, ...event }: AuditLogEvent & { position: AuditLogPosition }) {
  return event;
}

/**
 * One page of the audit log, paged by keyset ("Newer" / "Older"), never by OFFSET: each page is
 * one index range scan from its cursor, as fast at the millionth event as at the first. A cursor
 * that is not ours, or a previous page that has fewer events than a page (the newest events went
 * to retention meanwhile, say), gives the first page.
 */
export async function readAuditLogPage(
  executor: Executor,
  organizationId: string,
  filters: AuditLogFilters,
  request: AuditLogPageRequest,
): Promise<AuditLogPage> {
  const before = placeOf(request.order, request.before);
  const after = before ? undefined : placeOf(request.order, request.after);
  const from = before ?? after;
  if (!from) return firstPage(executor, organizationId, filters, request);

  const rows = await readAuditEvents(executor, organizationId, filters, {
    order: request.order,
    from,
    backward: before !== undefined,
    limit: request.limit + 1,
  });
  if (!rows || (before && rows.length <= request.limit)) {
    return firstPage(executor, organizationId, filters, request);
  }
  // One row more than a page tells whether there is anything beyond it.
  const more = rows.length > request.limit;
  const page = before ? rows.slice(rows.length - request.limit) : rows.slice(0, request.limit);
  const first = page[0];
  const last = page.at(-1);
  return {
    events: page.map(withoutPosition),
    previous: first && (after || more) ? cursorAt(request.order, first.position) : null,
    next: last && (before || more) ? cursorAt(request.order, last.position) : null,
  };
}
