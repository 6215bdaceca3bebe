import { z } from "zod";
import { isPrintableLine } from "@/lib/validation/text-fields";
import type { DataFlowPageQuery } from "./data-flow-queries";

/**
 * The Data flows list as its URL spells it (the console's list convention: q, sort, dir,
 * page, pageSize), with defaults for anything missing or odd.
 */
export const DATA_FLOW_SORT_FIELDS = ["name", "credential", "schedule", "lastRun", "nextRun"] as const;
export type DataFlowSortField = (typeof DATA_FLOW_SORT_FIELDS)[number];
export const DATA_FLOW_PAGE_SIZES = [10, 25, 50, 100] as const;

export const dataFlowListParamsSchema = z.object({
  q: z.string().max(100).refine(isPrintableLine).catch("").default(""),
  sort: z.enum(DATA_FLOW_SORT_FIELDS).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((size) => (DATA_FLOW_PAGE_SIZES as readonly number[]).includes(size))
    .catch(25)
    .default(25),
});

export type DataFlowListParams = z.output<typeof dataFlowListParamsSchema>;

export function toDataFlowPageQuery(params: DataFlowListParams): DataFlowPageQuery {
  return {
    search: params.q,
    sort: params.sort,
    direction: params.dir,
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
  };
}
