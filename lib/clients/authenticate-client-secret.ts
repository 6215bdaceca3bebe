import { and, eq, sql } from "drizzle-orm";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import type { Executor } from "@/lib/db/client";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { preparedPerConnection } from "@/lib/db/prepared-per-connection";
import { apiClientSecrets, apiClients, organizations, signingKeys } from "@/lib/db/schema";
import { isWellFormedClientId } from "./client-id";
import { type ClientRecord, clientColumns } from "./client-record";
import { liveSecretCondition } from "./live-client-secret";

export interface AuthenticatedClient {
  client: ClientRecord;
  /** What the caller needs next: plan (API access), security level, IP restriction. */
  organization: Pick<
    typeof organizations.$inferSelect,
    "id" | "partnerId" | "plan" | "securityLevel" | "restrictApiByIp"
  >;
  /** What an access token issued on this authentication is bound to (see lib/oauth/token-state.ts). */
  issuance: ClientTokenIssuance;
}

export interface ClientTokenIssuance {
  /** The secret that authenticated: its tokens stop working when it does. */
  secretId: string;
  /** The client's token generation now: tokens of an earlier generation are refused. */
  tokenGeneration: number;
  /**
   * The installation's current signing key, read in the same query so that a process signs
   * with a key rotated by another process at once rather than when its key ring next reloads.
   */
  currentSigningKeyId: string | null;
}

/**
 * The active client whose live secret this is, or null. A malformed client ID or secret
 * (wrong prefix, length, alphabet or checksum) is refused without touching the database;
 * otherwise one query finds the secret by its hash through a unique index. Looking up by a
 * keyed hash leaks nothing useful through timing: an attacker cannot steer the hash.
 *
 * This only authenticates. The caller still decides, on every request: whether the plan
 * includes API access, whether the organization restricts by IP (then isAddressAllowed
 * against client.allowedIps), and which scopes the client's permissions allow.
 */
export async function authenticateClientSecret(
  executor: Executor,
  clientId: string,
  secret: string,
): Promise<AuthenticatedClient | null> {
  if (!isWellFormedClientId(clientId) || !isWellFormedSecret(secret, "client_secret")) return null;
  const [row] = await clientBySecretQuery(executor).execute({ secretHash: secretHash(secret), clientId });
  // A row for another client can only be another query's result handed back by a broken
  // connection: database trouble, never a credential decision.
  if (row && row.client.clientId !== clientId) {
    throw new DatabaseUnavailableError(
      "RESULT_MISMATCH",
      "The database answered with another query's result",
    );
  }
  return row ?? null;
}

const clientBySecretQuery = preparedPerConnection(buildClientBySecretQuery);

function buildClientBySecretQuery(executor: Executor) {
  return executor
    .select({
      client: clientColumns,
      organization: {
        id: organizations.id,
        partnerId: organizations.partnerId,
        plan: organizations.plan,
        securityLevel: organizations.securityLevel,
        restrictApiByIp: organizations.restrictApiByIp,
      },
      issuance: {
        secretId: apiClientSecrets.id,
        tokenGeneration: apiClients.tokenGeneration,
        currentSigningKeyId: sql<
          string | null
        >`(select ${signingKeys.kid} from ${signingKeys} where ${signingKeys.state} = 'current')`,
      },
    })
    .from(apiClientSecrets)
    .innerJoin(apiClients, eq(apiClients.id, apiClientSecrets.apiClientId))
    .innerJoin(organizations, eq(organizations.id, apiClients.organizationId))
    .where(
      and(
        eq(apiClientSecrets.secretHash, sql.placeholder("secretHash")),
        eq(apiClients.clientId, sql.placeholder("clientId")),
        eq(apiClients.status, "active"),
        liveSecretCondition(),
      ),
    )
    .limit(1)
    .prepare("latchkey_client_by_secret");
}
