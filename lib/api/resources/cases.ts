import { eq, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { caseStatusEnum, cases, users } from "@/lib/db/schema";
import { searchCondition } from "@/lib/db/text-search";
import { displayName } from "@/lib/validation/text-fields";
import {
  codeText,
  dateTimeFilter,
  enumOf,
  isoDateTime,
  longText,
  referenceId,
  searchFilter,
} from "../api-fields";
import { defineResource, type WriteContext } from "../resource-definition";

const caseStatus = enumOf(caseStatusEnum.enumValues);

const caseFields = {
  number: codeText("Case number", 50).describe("Unique in the organization, e.g. DA-2026-0001."),
  title: displayName("Title", 200),
  description: longText(5000),
  status: caseStatus,
  lead_user_id: referenceId.nullable().describe("A user of the organization, or null."),
  opened_at: isoDateTime.describe("Defaults to the time of creation."),
};

const createCase = z.strictObject({
  ...caseFields,
  description: caseFields.description.optional(),
  status: caseFields.status.optional(),
  lead_user_id: caseFields.lead_user_id.optional(),
  opened_at: caseFields.opened_at.optional(),
});

/** closed_at is not written by clients: it follows the status. */
function closedAtFor(status: string | undefined, { mode }: WriteContext) {
  if (status === undefined) return {};
  if (status !== "closed") return { closedAt: null };
  // Closing an already closed case keeps the original closing time.
  return { closedAt: mode === "create" ? new Date() : sql`coalesce(${cases.closedAt}, now())` };
}

/**
 * Cases. Deleting a case keeps its evidence, which loses its case (case_id becomes null):
 * evidence has its own retention and must not disappear with a case record.
 */
export const caseResource = defineResource({
  key: "cases",
  noun: "case",
  table: cases,
  filters: z.strictObject({
    status: caseStatus.optional(),
    q: searchFilter.describe("Case-insensitive text in the title or number."),
    opened_after: dateTimeFilter.describe("Cases opened at or after this time."),
    opened_before: dateTimeFilter.describe("Cases opened before this time."),
  }),
  where: (filters) => [
    filters.status ? eq(cases.status, filters.status) : undefined,
    searchCondition(filters.q, [cases.title, cases.number]),
    filters.opened_after ? gte(cases.openedAt, filters.opened_after) : undefined,
    filters.opened_before ? lt(cases.openedAt, filters.opened_before) : undefined,
  ],
  sorts: { opened_at: cases.openedAt, number: cases.number },
  defaultSort: "-opened_at",
  create: createCase,
  update: z.strictObject(caseFields).partial(),
  references: { lead_user_id: users },
  uniqueConstraints: {
    cases_organization_number_unique: { field: "number", detail: "Another case already has this number" },
  },
  derive: (input, context) => closedAtFor(input.status, context),
});
