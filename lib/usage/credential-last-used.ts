import { and, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { legacyApiKeys, personalTokens, users } from "@/lib/db/schema";
import { lastUsedNoter } from "./last-used-noter";

const STALE = sql`now() - interval '1 minute'`;

export const personalTokenUse = lastUsedNoter("personal-token-last-used", async (ids) => {
  const db = await getDb();
  await db
    .update(personalTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        inArray(personalTokens.id, ids),
        or(isNull(personalTokens.lastUsedAt), lt(personalTokens.lastUsedAt, STALE)),
      ),
    );
});

export const legacyKeyUse = lastUsedNoter("legacy-key-last-used", async (ids) => {
  const db = await getDb();
  await db
    .update(legacyApiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        inArray(legacyApiKeys.id, ids),
        or(isNull(legacyApiKeys.lastUsedAt), lt(legacyApiKeys.lastUsedAt, STALE)),
      ),
    );
});

/** Feeds "N users used username and password in the last 30 days" on the Security page. */
export const basicAuthUse = lastUsedNoter("basic-auth-last-used", async (ids) => {
  const db = await getDb();
  await db
    .update(users)
    .set({ lastBasicAuthAt: sql`now()` })
    .where(and(inArray(users.id, ids), or(isNull(users.lastBasicAuthAt), lt(users.lastBasicAuthAt, STALE))));
});
