import { sql } from "drizzle-orm";
import { secretHash } from "@/lib/crypto/secret-hash";
import { getDb } from "@/lib/db/client";
import { trustedPasswordSources } from "@/lib/db/schema";
import { addressBucket } from "@/lib/net/address-bucket";

/**
 * The address an HTTP Basic attempt comes from, as a source the account may have proved
 * itself from before (an integration calling from its server): the non-browser equivalent of
 * a device cookie. Stored as a keyed hash of the address's bucket (IPv4, or IPv6 /64).
 */
export function trustedAddressSource(ip: string) {
  const id = secretHash(`password-source\u0000${addressBucket(ip)}`).slice(0, 40);
  return {
    trusted: true as const,
    id,
    /** Records that this user's password was right from here. */
    async remember(userId: string): Promise<void> {
      const db = await getDb();
      await db
        .insert(trustedPasswordSources)
        .values({ userId, source: id })
        .onConflictDoUpdate({
          target: [trustedPasswordSources.userId, trustedPasswordSources.source],
          set: { lastSucceededAt: sql`now()` },
        });
    },
  };
}
