import type { ApiCaller } from "@/lib/api/auth/api-caller";

/**
 * Whose usage a request is: an API client (by its public client ID), a personal token, a
 * legacy key, or a user calling with HTTP Basic (by their row IDs).
 */
export const USAGE_SUBJECT_KINDS = ["client", "personal_token", "legacy_key", "user"] as const;
export type UsageSubjectKind = (typeof USAGE_SUBJECT_KINDS)[number];

export interface UsageSubject {
  organizationId: string;
  kind: UsageSubjectKind;
  id: string;
}

/** The subject an authenticated (or known but refused) caller's request counts for. */
export function subjectOfCaller(caller: ApiCaller): UsageSubject | null {
  const { organizationId } = caller;
  if (caller.clientId) return { organizationId, kind: "client", id: caller.clientId };
  if (caller.credential === "personal_token" && caller.tokenId)
    return { organizationId, kind: "personal_token", id: caller.tokenId };
  if (caller.credential === "legacy_key" && caller.tokenId)
    return { organizationId, kind: "legacy_key", id: caller.tokenId };
  if (caller.userId) return { organizationId, kind: "user", id: caller.userId };
  return null;
}
