import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { AxoniusCredentials } from "@/lib/axonius/axonius-request";
import type { Database } from "@/lib/db/client";
import { dataFlowRuns, devices } from "@/lib/db/schema";
import type { OutboundClient } from "@/lib/net/outbound/outbound-client";
import {
  DEFAULT_RETRY_POLICY,
  fetchDevicesPageWithRetry,
  RestartPagingError,
  type RetryPolicy,
} from "./fetch-devices-with-retry";
import { AXONIUS_DEVICE_FIELDS } from "./map-axonius-device";
import { type PageTarget, writeDevicesPage } from "./write-devices-page";

/**
 * Imports an Axonius instance's devices for one run: pages through `POST /api/devices` with
 * the cursor until the empty page, writing each page and the run's progress before fetching
 * the next (memory holds one page). When the run read everything and the flow has no filter
 * (so it saw the whole instance), devices of that instance this run did not see are marked
 * missing_since now; the upsert clears it for those that reappear. A filtered flow never
 * marks devices missing: a device outside its filter is not gone upstream.
 */
export interface ImportDevicesInput extends PageTarget {
  credentials: AxoniusCredentials;
  filter: string;
}

export interface ImportDevicesOptions {
  client?: OutboundClient;
  /** Devices per page, 1–2000 (default 1000). */
  pageSize?: number;
  retry?: Partial<RetryPolicy>;
  /** Times paging may start again from the first page after a timeout mid-way (default 3). */
  maxRestarts?: number;
  /** Aborted when the process stops: the import ends after the page in hand ("interrupted"). */
  signal?: AbortSignal;
}

export type ImportDevicesResult =
  | { outcome: "completed"; pages: number; missing: number }
  | { outcome: "cancelled"; pages: number }
  /** The process is stopping; what was committed stays, and the run is to be resumed. */
  | { outcome: "interrupted"; pages: number }
  /** Stopped by an error; `pages` were committed before it. */
  | { outcome: "stopped"; pages: number; error: unknown };

export async function importDevices(
  db: Database,
  input: ImportDevicesInput,
  options: ImportDevicesOptions = {},
): Promise<ImportDevicesResult> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const maxRestarts = options.maxRestarts ?? 3;
  const limit = options.pageSize ?? 1000;
  let cursor: string | null = null;
  let pages = 0;
  let restarts = 0;
  for (;;) {
    if (options.signal?.aborted) return { outcome: "interrupted", pages };
    let page: Awaited<ReturnType<typeof fetchDevicesPageWithRetry>>;
    try {
      page = await fetchDevicesPageWithRetry(
        input.credentials,
        { cursor, limit, fields: AXONIUS_DEVICE_FIELDS, ...(input.filter ? { filter: input.filter } : {}) },
        policy,
        options.client,
      );
    } catch (error) {
      if (error instanceof RestartPagingError && restarts < maxRestarts) {
        restarts += 1;
        cursor = null;
        await policy.sleep(Math.min(policy.baseDelayMs * 2 ** restarts, policy.maxDelayMs));
        continue;
      }
      return { outcome: "stopped", pages, error: error instanceof RestartPagingError ? error.cause : error };
    }
    if (page.last) break;
    let written: Awaited<ReturnType<typeof writeDevicesPage>>;
    try {
      written = await writeDevicesPage(db, input, page.devices, page.totalResources);
    } catch (error) {
      return { outcome: "stopped", pages, error };
    }
    if (written.cancelled) return { outcome: "cancelled", pages };
    pages += 1;
    cursor = page.cursor;
  }
  const missing = input.filter === "" ? await markMissing(db, input) : 0;
  return { outcome: "completed", pages, missing };
}

async function markMissing(db: Database, target: PageTarget): Promise<number> {
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(devices)
      .set({ missingSince: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(devices.organizationId, target.organizationId),
          eq(devices.source, "axonius"),
          eq(devices.sourceHost, target.sourceHost),
          isNull(devices.missingSince),
          or(isNull(devices.lastImportRunId), sql`${devices.lastImportRunId} <> ${target.runId}`),
        ),
      )
      .returning({ id: devices.id });
    await tx
      .update(dataFlowRuns)
      .set({ missingCount: sql`${dataFlowRuns.missingCount} + ${marked.length}`, updatedAt: sql`now()` })
      .where(eq(dataFlowRuns.id, target.runId));
    return marked.length;
  });
}
