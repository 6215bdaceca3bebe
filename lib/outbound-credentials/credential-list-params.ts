import { z } from "zod";
import { isPrintableLine } from "@/lib/validation/text-fields";
import { OUTBOUND_CONNECTOR_KEYS } from "./connectors";
import {
  CREDENTIAL_PAGE_SIZES,
  CREDENTIAL_SORT_FIELDS,
  type ListOutboundCredentialsQuery,
} from "./credential-schemas";

/**
 * The Credentials list as its URL spells it (the console's list convention: q, sort, dir,
 * page, pageSize, plus connector), with defaults for anything missing or odd.
 */
export const credentialListParamsSchema = z.object({
  q: z.string().max(100).refine(isPrintableLine).catch("").default(""),
  connector: z
    .enum(["all", ...OUTBOUND_CONNECTOR_KEYS])
    .catch("all")
    .default("all"),
  sort: z.enum(CREDENTIAL_SORT_FIELDS).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  // At most 10,000 pages, so that the offset stays within what listOutboundCredentials accepts.
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((size) => (CREDENTIAL_PAGE_SIZES as readonly number[]).includes(size))
    .catch(25)
    .default(25),
});

export type CredentialListParams = z.output<typeof credentialListParamsSchema>;

/** The same request in listOutboundCredentials' terms. */
export function toListOutboundCredentialsQuery(params: CredentialListParams): ListOutboundCredentialsQuery {
  return {
    search: params.q,
    connector: params.connector,
    sort: params.sort,
    direction: params.dir,
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
  };
}
