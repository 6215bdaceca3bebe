import { and, gt, isNull, or, sql } from "drizzle-orm";
import { apiClientSecrets } from "@/lib/db/schema";

/**
 * A secret is live while it is neither revoked nor past its grace period. Judged by the
 * database clock, so that every Latchkey process agrees on the moment a grace period ends.
 */
export function liveSecretCondition() {
  return and(
    isNull(apiClientSecrets.revokedAt),
    or(isNull(apiClientSecrets.expiresAt), gt(apiClientSecrets.expiresAt, sql`now()`)),
  );
}
