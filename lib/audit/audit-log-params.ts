import { z } from "zod";
import { actorTypeEnum, outcomeEnum } from "@/lib/db/schema";
import { isPrintableLine } from "@/lib/validation/text-fields";
import { AUDIT_ACTION_KEYS, AUDIT_CATEGORIES, type AuditCategory } from "./audit-action-catalogue";
import { AUDIT_TARGET_TYPE_KEYS } from "./audit-field-labels";
import { type AuditLogFilters, MIN_SEARCH_LENGTH } from "./audit-log-filters";
import type { AuditLogOrder } from "./read-audit-events";

export const AUDIT_LOG_PAGE_SIZES = [25, 50, 100] as const;

const text = (max: number) => z.string().trim().max(max).refine(isPrintableLine).catch("").default("");
const optional = <Schema extends z.ZodType>(schema: Schema) => schema.optional().catch(undefined);
const utcDay = optional(z.iso.date());

/**
 * The audit log as its URL spells it — the page's and the exports' alike: the filters, `q`, the
 * order (`dir`), where it is (`after` / `before`, opaque cursors) and `pageSize`. Anything missing
 * or odd falls back to its default, as the console's other lists do.
 */
export const auditLogParamsSchema = z.object({
  q: text(200),
  actorType: optional(z.enum(actorTypeEnum.enumValues)),
  actor: text(200),
  category: optional(z.enum(Object.keys(AUDIT_CATEGORIES) as [AuditCategory, ...AuditCategory[]])),
  action: optional(z.enum(AUDIT_ACTION_KEYS as [string, ...string[]])),
  targetType: optional(z.enum(AUDIT_TARGET_TYPE_KEYS as [string, ...string[]])),
  targetId: text(200),
  outcome: optional(z.enum(outcomeEnum.enumValues)),
  from: utcDay,
  to: utcDay,
  dir: z.enum(["desc", "asc"]).catch("desc").default("desc"),
  after: optional(z.string().max(2000)),
  before: optional(z.string().max(2000)),
  pageSize: z.coerce
    .number()
    .int()
    .refine((size) => (AUDIT_LOG_PAGE_SIZES as readonly number[]).includes(size))
    .catch(50)
    .default(50),
});

export type AuditLogParams = z.output<typeof auditLogParamsSchema>;

export interface AuditLogQuery {
  filters: AuditLogFilters;
  order: AuditLogOrder;
  /** Texts too short to search with, which the page says it left out. */
  tooShort: Array<"q" | "actor">;
}

/** Text filters shorter than three characters are left out (and said so): see MIN_SEARCH_LENGTH. */
function searchable(value: string): string | undefined {
  return value.length >= MIN_SEARCH_LENGTH ? value : undefined;
}

/** The parameters in the query functions' terms. */
export function toAuditLogQuery(params: AuditLogParams): AuditLogQuery {
  const tooShort = (["q", "actor"] as const).filter(
    (name) => params[name] !== "" && searchable(params[name]) === undefined,
  );
  return {
    filters: {
      actorType: params.actorType,
      actor: searchable(params.actor),
      category: params.category,
      action: params.action as AuditLogFilters["action"],
      targetType: params.targetType,
      targetId: params.targetId || undefined,
      outcome: params.outcome,
      from: params.from,
      to: params.to,
      q: searchable(params.q),
    },
    order: params.dir,
    tooShort,
  };
}

/** The filters and order as URL parameters again, for the export links (cursors and page size left out). */
export function auditLogSearchParams(params: AuditLogParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of [
    "q",
    "actorType",
    "actor",
    "category",
    "action",
    "targetType",
    "targetId",
    "outcome",
    "from",
    "to",
  ] as const) {
    const value = params[name];
    if (value) search.set(name, value);
  }
  if (params.dir !== "desc") search.set("dir", params.dir);
  return search;
}
