import { z } from "zod";
import { isPrintableLine } from "@/lib/validation/text-fields";
import {
  CLIENT_PAGE_SIZES,
  CLIENT_SORT_FIELDS,
  CLIENT_STATUSES,
  CLIENT_USAGE_FILTERS,
  type ClientUsageFilter,
  type ListClientsQuery,
} from "./client-schemas";

/**
 * The API Access Clients list as its URL spells it (the console's list convention:
 * q, sort, dir, page, pageSize, plus status), with defaults for anything missing or odd.
 */
export const clientListParamsSchema = z.object({
  q: z.string().max(100).refine(isPrintableLine).catch("").default(""),
  status: z
    .enum(["all", ...CLIENT_STATUSES])
    .catch("all")
    .default("all"),
  usage: z
    .enum(CLIENT_USAGE_FILTERS.map((filter) => filter.value) as [ClientUsageFilter, ...ClientUsageFilter[]])
    .catch("all")
    .default("all"),
  sort: z.enum(CLIENT_SORT_FIELDS).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  // At most 10,000 pages, so that the offset stays within what listClients accepts.
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((size) => (CLIENT_PAGE_SIZES as readonly number[]).includes(size))
    .catch(25)
    .default(25),
});

export type ClientListParams = z.output<typeof clientListParamsSchema>;

/** The same request in listClients' terms. */
export function toListClientsQuery(params: ClientListParams): ListClientsQuery {
  return {
    search: params.q,
    status: params.status,
    usage: params.usage,
    sort: params.sort,
    direction: params.dir,
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
  };
}
