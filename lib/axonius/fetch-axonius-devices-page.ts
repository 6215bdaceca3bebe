import { z } from "zod";
import { AxoniusError } from "./axonius-error";
import { type AxoniusCallOptions, type AxoniusCredentials, callAxonius } from "./axonius-request";

/**
 * One page of `POST {host}/api/devices` with cursor paging (DESIGN.md): the first request
 * has no cursor, each next one sends the `meta.cursor` of the page before, and the last page
 * is the one whose `data` is empty. A 202 is "not ready" (AxoniusError `not_ready`,
 * retryable), never an empty page. Field values are left as Axonius sends them: a scalar,
 * a list, or absent.
 */
export const DEVICES_PATH = "/api/devices";
export const MAX_DEVICES_PAGE_LIMIT = 2000;

export interface AxoniusDevicesPageRequest {
  /** `meta.cursor` of the previous page; absent on the first. */
  cursor?: string | null;
  /** 1–2000. */
  limit: number;
  fields: readonly string[];
  /** An AQL filter. */
  filter?: string;
}

export interface AxoniusDevice {
  /** `internal_axon_id`, Axonius's own key for the device; null when it sent none (skip it). */
  internalAxonId: string | null;
  attributes: Record<string, unknown>;
}

export interface AxoniusDevicesPage {
  devices: AxoniusDevice[];
  /** To send with the next request. */
  cursor: string | null;
  totalResources: number | null;
  /** True for the empty page that ends the paging. */
  last: boolean;
}

const pageSchema = z.object({
  data: z.array(z.object({ id: z.unknown().optional(), attributes: z.record(z.string(), z.unknown()) })),
  meta: z
    .object({
      cursor: z.string().nullish(),
      page: z.object({ totalResources: z.number().int().nonnegative().optional() }).optional(),
    })
    .optional(),
});

function unexpected(what: string): AxoniusError {
  return new AxoniusError("not_axonius", `Axonius answered a devices page ${what}`);
}

function internalAxonId(device: { id?: unknown; attributes: Record<string, unknown> }): string | null {
  const value = device.attributes.internal_axon_id ?? device.id;
  return typeof value === "string" && value !== "" ? value : null;
}

export async function fetchAxoniusDevicesPage(
  credentials: AxoniusCredentials,
  request: AxoniusDevicesPageRequest,
  options: AxoniusCallOptions = {},
): Promise<AxoniusDevicesPage> {
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > MAX_DEVICES_PAGE_LIMIT) {
    throw new RangeError(`A devices page holds 1 to ${MAX_DEVICES_PAGE_LIMIT} devices, not ${request.limit}`);
  }
  const attributes = {
    use_cursor: true,
    ...(request.cursor ? { cursor_id: request.cursor } : {}),
    page: { limit: request.limit },
    fields: { devices: [...request.fields] },
    ...(request.filter ? { filter: request.filter } : {}),
  };
  const body = await callAxonius(
    credentials,
    { method: "POST", path: DEVICES_PATH, body: { data: { type: "entity_request_schema", attributes } } },
    { timeoutMs: 60_000, maxResponseBytes: 32 * 1024 * 1024, ...options },
  );
  const parsed = pageSchema.safeParse(body);
  if (!parsed.success) throw unexpected("that is not a list of devices");
  const devices: AxoniusDevice[] = [];
  for (const device of parsed.data.data) {
    devices.push({ internalAxonId: internalAxonId(device), attributes: device.attributes });
  }
  const cursor = parsed.data.meta?.cursor ?? null;
  if (devices.length > 0 && cursor === null) throw unexpected("without the cursor of the next page");
  return {
    devices,
    cursor,
    totalResources: parsed.data.meta?.page?.totalResources ?? null,
    last: devices.length === 0,
  };
}
