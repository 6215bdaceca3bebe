import { and, eq } from "drizzle-orm";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { getDb } from "@/lib/db/client";
import { evidence } from "@/lib/db/schema";
import { notFoundProblem } from "../api-problem";
import { UUID_PATTERN } from "../cursor";

/** RFC 6266: an ASCII fallback name plus the exact UTF-8 name (RFC 8187). */
function contentDisposition(title: string): string {
  const fallback = title.replace(/[^A-Za-z0-9._ -]/g, "_").slice(0, 150) || "evidence";
  const exact = encodeURIComponent(title.slice(0, 200)).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((candidate) => candidate.trim().replace(/^W\//, ""))
    .some((candidate) => candidate === "*" || candidate === etag);
}

/**
 * GET /api/v1/evidence/{id}/content: the stored bytes with their media type, as an
 * attachment (never rendered inline, never sniffed), with the SHA-256 as a strong ETag so a
 * client can verify what it got and skip downloading it again (304).
 */
export async function downloadEvidenceContent(request: Request, caller: ApiCaller, id: string) {
  if (!UUID_PATTERN.test(id)) throw notFoundProblem("evidence");
  const db = await getDb();
  const [item] = await db
    .select({
      title: evidence.title,
      contentType: evidence.contentType,
      sha256: evidence.sha256,
      content: evidence.content,
    })
    .from(evidence)
    .where(and(eq(evidence.organizationId, caller.organizationId), eq(evidence.id, id)))
    .limit(1);
  if (!item) throw notFoundProblem("evidence");
  const etag = `"${item.sha256}"`;
  const common = { etag, "cache-control": "private, no-cache", "x-content-type-options": "nosniff" };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: common });
  }
  return new Response(new Uint8Array(item.content), {
    status: 200,
    headers: {
      ...common,
      "content-type": item.contentType,
      "content-length": String(item.content.length),
      "content-disposition": contentDisposition(item.title),
    },
  });
}
