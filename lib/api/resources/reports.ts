import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/lib/db/client";
import { reportKindEnum, reportStatusEnum, reports } from "@/lib/db/schema";
import { enumOf } from "../api-fields";
import { defineResource } from "../resource-definition";
import { countDevices, inventoryEvidence, summarizeCases, type TimeRange } from "./report-results";

type ReportKind = (typeof reportKindEnum.enumValues)[number];

const instant = z.iso
  .datetime({ offset: true, error: "Must be an ISO 8601 date-time with a time zone" })
  .transform((value) => new Date(value).toISOString());

/** A half-open range [after, before) of one date field; either end may be left open. */
function timeRangeParameters(items: string, field: string) {
  const after = `${field}_after`;
  const before = `${field}_before`;
  return z
    .strictObject({
      [after]: instant.optional().describe(`Only ${items} ${field} at or after this time.`),
      [before]: instant.optional().describe(`Only ${items} ${field} before this time.`),
    })
    .refine((range) => !range[after] || !range[before] || String(range[after]) < String(range[before]), {
      message: `Must be later than ${after}`,
      path: [before],
    });
}

const reportRequest = <Kind extends ReportKind>(kind: Kind, parameters: z.ZodType) =>
  z.strictObject({ kind: z.literal(kind), parameters: parameters.optional() });

const createReport = z.discriminatedUnion("kind", [
  reportRequest("case_summary", timeRangeParameters("cases", "opened")),
  reportRequest("evidence_inventory", timeRangeParameters("evidence", "captured")),
  reportRequest("device_status", z.strictObject({})),
]);

function generate(
  executor: Executor,
  organizationId: string,
  kind: ReportKind,
  parameters: Record<string, unknown>,
) {
  const range = (field: string): TimeRange => ({
    after: parameters[`${field}_after`] as string | undefined,
    before: parameters[`${field}_before`] as string | undefined,
  });
  switch (kind) {
    case "case_summary":
      return summarizeCases(executor, organizationId, range("opened"));
    case "evidence_inventory":
      return inventoryEvidence(executor, organizationId, range("captured"));
    case "device_status":
      return countDevices(executor, organizationId);
  }
}

/**
 * Reports. Creating one generates it at once from the organization's data, in the request's
 * transaction, and stores the result; reports are not edited afterwards (no PATCH).
 */
export const reportResource = defineResource({
  key: "reports",
  noun: "report",
  table: reports,
  filters: z.strictObject({
    kind: enumOf(reportKindEnum.enumValues).optional(),
    status: enumOf(reportStatusEnum.enumValues).optional(),
  }),
  where: (filters) => [
    filters.kind ? eq(reports.kind, filters.kind) : undefined,
    filters.status ? eq(reports.status, filters.status) : undefined,
  ],
  sorts: { created_at: reports.createdAt },
  defaultSort: "-created_at",
  create: createReport,
  actions: { created: "report.generated" },
  derive: async (input, { tx, caller }) => {
    if (!input.kind) return {};
    const parameters = (input.parameters ?? {}) as Record<string, unknown>;
    const result = await generate(tx, caller.organizationId, input.kind, parameters);
    return { parameters, result, status: "completed", requestedBy: caller.label, generatedAt: new Date() };
  },
});
