import { createHash } from "node:crypto";
import { eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import { cases, categories, evidence } from "@/lib/db/schema";
import { displayName } from "@/lib/validation/text-fields";
import { dateTimeFilter, exactFilter, idFilter, isoDateTime, referenceId } from "../api-fields";
import { defineResource } from "../resource-definition";

export const MAX_EVIDENCE_CONTENT_BYTES = 10 * 1024 * 1024;
/** Room for the base64 of the largest content plus the other fields. */
export const MAX_EVIDENCE_BODY_BYTES = 15 * 1024 * 1024;
const MAX_BASE64_LENGTH = Math.ceil(MAX_EVIDENCE_CONTENT_BYTES / 3) * 4;

/** A bare media type ("image/jpeg"); parameters are not kept. */
const mediaType = z
  .string({ error: "content_type is required" })
  .trim()
  // Checked before lower-casing, so that the documented pattern accepts what the server does.
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/,
    "Must be a media type such as image/jpeg",
  )
  .toLowerCase();

const content = z
  .base64({ error: "Must be base64 (RFC 4648 §4, with padding)" })
  .min(1, "Content must not be empty")
  .max(MAX_BASE64_LENGTH, "Content must be 10 MiB or smaller once decoded")
  .transform((value) => Buffer.from(value, "base64"))
  .refine(
    (bytes) => bytes.length <= MAX_EVIDENCE_CONTENT_BYTES,
    "Content must be 10 MiB or smaller once decoded",
  )
  .describe("The file, base64-encoded; at most 10 MiB once decoded. Size and SHA-256 are computed.");

// Content and its media type are fixed at creation: evidence is not edited, only re-filed.
const evidenceFields = {
  title: displayName("Title", 200),
  case_id: referenceId.nullable().describe("A case of the organization, or null."),
  category_id: referenceId.nullable().describe("A category of the organization, or null."),
  captured_at: isoDateTime,
};

/** Evidence metadata; its content is downloaded from GET /api/v1/evidence/{id}/content. */
export const evidenceResource = defineResource({
  key: "evidence",
  noun: "evidence",
  table: evidence,
  hiddenColumns: ["content"],
  filters: z.strictObject({
    case_id: idFilter,
    category_id: idFilter,
    content_type: exactFilter(255).describe("The exact media type."),
    captured_after: dateTimeFilter.describe("Evidence captured at or after this time."),
    captured_before: dateTimeFilter.describe("Evidence captured before this time."),
  }),
  where: (filters) => [
    filters.case_id ? eq(evidence.caseId, filters.case_id) : undefined,
    filters.category_id ? eq(evidence.categoryId, filters.category_id) : undefined,
    filters.content_type !== undefined
      ? eq(evidence.contentType, filters.content_type.toLowerCase())
      : undefined,
    filters.captured_after ? gte(evidence.capturedAt, filters.captured_after) : undefined,
    filters.captured_before ? lt(evidence.capturedAt, filters.captured_before) : undefined,
  ],
  sorts: { captured_at: evidence.capturedAt, created_at: evidence.createdAt, title: evidence.title },
  defaultSort: "-captured_at",
  create: z.strictObject({
    ...evidenceFields,
    case_id: evidenceFields.case_id.optional(),
    category_id: evidenceFields.category_id.optional(),
    content_type: mediaType,
    content,
  }),
  update: z.strictObject(evidenceFields).partial(),
  maxBodyBytes: MAX_EVIDENCE_BODY_BYTES,
  references: { case_id: cases, category_id: categories },
  derive: (input) =>
    input.content
      ? {
          sizeBytes: input.content.length,
          sha256: createHash("sha256").update(input.content).digest("hex"),
        }
      : {},
});
