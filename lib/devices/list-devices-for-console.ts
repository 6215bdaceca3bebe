import { and, asc, count, desc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { type Device, devices } from "@/lib/db/schema";
import { searchCondition } from "@/lib/db/text-search";
import type { DeviceListParams, DeviceSortField } from "./device-list-params";

export type ConsoleDevice = Pick<
  Device,
  | "id"
  | "hostname"
  | "serial"
  | "model"
  | "type"
  | "status"
  | "ipAddresses"
  | "lastSeenAt"
  | "source"
  | "sourceHost"
  | "missingSince"
  | "updatedAt"
>;

const columns = {
  id: devices.id,
  hostname: devices.hostname,
  serial: devices.serial,
  model: devices.model,
  type: devices.type,
  status: devices.status,
  ipAddresses: devices.ipAddresses,
  lastSeenAt: devices.lastSeenAt,
  source: devices.source,
  sourceHost: devices.sourceHost,
  missingSince: devices.missingSince,
  updatedAt: devices.updatedAt,
};

/** Sort orders ending in the id, so pages never overlap; empty values last both ways. */
function orderOf(sort: DeviceSortField, direction: "asc" | "desc"): SQL[] {
  const by = direction === "asc" ? asc : desc;
  const nullsLast = (column: SQL) => sql`${column} ${sql.raw(direction)} nulls last`;
  switch (sort) {
    case "hostname":
      return [nullsLast(sql`lower(${devices.hostname})`), by(devices.id)];
    case "serial":
      return [nullsLast(sql`nullif(${devices.serial}, '')`), by(devices.id)];
    case "model":
      return [by(devices.model), by(devices.id)];
    case "lastSeenAt":
      return [nullsLast(sql`${devices.lastSeenAt}`), by(devices.id)];
    case "source":
      return [by(devices.source), nullsLast(sql`${devices.sourceHost}`), by(devices.id)];
    case "updatedAt":
      return [by(devices.updatedAt), by(devices.id)];
  }
}

/**
 * One page of the organization's devices for the console's Devices list, whatever their
 * source: searched in hostname, serial and model, filtered by source (or missing upstream),
 * with the total matching.
 */
export async function listDevicesForConsole(
  executor: Executor,
  organizationId: string,
  params: DeviceListParams,
): Promise<{ devices: ConsoleDevice[]; total: number }> {
  const conditions: (SQL | undefined)[] = [
    eq(devices.organizationId, organizationId),
    searchCondition(params.q, [devices.hostname, devices.serial, devices.model]),
  ];
  if (params.source === "manual" || params.source === "axonius")
    conditions.push(eq(devices.source, params.source));
  if (params.source === "missing") conditions.push(isNotNull(devices.missingSince));
  if (params.host !== "") conditions.push(eq(devices.sourceHost, params.host));
  const where = and(...conditions);
  const [rows, [counted]] = await Promise.all([
    executor
      .select(columns)
      .from(devices)
      .where(where)
      .orderBy(...orderOf(params.sort, params.dir))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    executor.select({ total: count() }).from(devices).where(where),
  ]);
  return { devices: rows, total: counted?.total ?? 0 };
}

/** How many devices the organization holds from one Axonius instance (a flow's page says so). */
export async function countDevicesFromSource(
  executor: Executor,
  organizationId: string,
  sourceHost: string,
): Promise<number> {
  const [counted] = await executor
    .select({ total: count() })
    .from(devices)
    .where(and(eq(devices.organizationId, organizationId), eq(devices.sourceHost, sourceHost)));
  return counted?.total ?? 0;
}
