import { z } from "zod";
import { isPrintableLine } from "@/lib/validation/text-fields";

/**
 * The console's Devices list as its URL spells it (q, sort, dir, page, pageSize, plus the
 * source and whether to show only devices missing upstream), with defaults for anything odd.
 */
export const DEVICE_SORT_FIELDS = [
  "hostname",
  "serial",
  "model",
  "lastSeenAt",
  "source",
  "updatedAt",
] as const;
export type DeviceSortField = (typeof DEVICE_SORT_FIELDS)[number];
export const DEVICE_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEVICE_SOURCE_FILTERS = [
  { value: "all", label: "All sources" },
  { value: "manual", label: "Entered in Latchkey" },
  { value: "axonius", label: "Imported from Axonius" },
  { value: "missing", label: "Missing upstream" },
] as const;
export type DeviceSourceFilter = (typeof DEVICE_SOURCE_FILTERS)[number]["value"];

export const deviceListParamsSchema = z.object({
  q: z.string().max(100).refine(isPrintableLine).catch("").default(""),
  source: z
    .enum(
      DEVICE_SOURCE_FILTERS.map((filter) => filter.value) as [DeviceSourceFilter, ...DeviceSourceFilter[]],
    )
    .catch("all")
    .default("all"),
  /** Only the devices imported from this Axonius instance (a credential's normalized host URL). */
  host: z.string().max(2048).refine(isPrintableLine).catch("").default(""),
  sort: z.enum(DEVICE_SORT_FIELDS).catch("hostname").default("hostname"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((size) => (DEVICE_PAGE_SIZES as readonly number[]).includes(size))
    .catch(25)
    .default(25),
});

export type DeviceListParams = z.output<typeof deviceListParamsSchema>;
