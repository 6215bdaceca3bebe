import { z } from "zod";
import { allowedIpListSchema } from "@/lib/net/ip-allow-list";
import { permissionGridSchema } from "@/lib/permissions/grid";
import { displayName, isPrintableLine, optionalDescription } from "@/lib/validation/text-fields";
import { CLIENT_ID_PATTERN } from "./client-id-format";

/**
 * The zod schemas of API clients, shared by the console forms (as resolvers), the server
 * actions and the domain functions, which parse their input again where the data is touched.
 */

/** Trimmed, NFC-normalized, 1–100 characters, no control characters. */
export const clientNameSchema = displayName("Client Name");

export const clientIdSchema = z
  .string({ error: "Client ID is required" })
  .regex(CLIENT_ID_PATTERN, "That client does not exist in your organization.");

export const CLIENT_STATUSES = ["active", "disabled"] as const;
export const clientStatusSchema = z.enum(CLIENT_STATUSES);

export const ROTATION_GRACE_PERIODS = ["none", "1h", "24h", "7d"] as const;
export type RotationGrace = (typeof ROTATION_GRACE_PERIODS)[number];

export const ROTATION_GRACE_LABELS: Record<RotationGrace, string> = {
  none: "None: the old secret stops working at once",
  "1h": "1 hour",
  "24h": "24 hours",
  "7d": "7 days",
};

export const createClientSchema = z.object({
  name: clientNameSchema,
  description: optionalDescription.default(""),
  allowedIps: allowedIpListSchema.default([]),
  permissions: permissionGridSchema.default([]),
});

/** Fields left out are not changed. */
export const updateClientSchema = z.object({
  clientId: clientIdSchema,
  name: clientNameSchema.optional(),
  description: optionalDescription.optional(),
  allowedIps: allowedIpListSchema.optional(),
  permissions: permissionGridSchema.optional(),
});

export const rotateClientSecretSchema = z.object({
  clientId: clientIdSchema,
  grace: z.enum(ROTATION_GRACE_PERIODS, { error: "Choose how long the old secret keeps working" }),
  /**
   * The current secret as the form saw it (null: the client had none). A rotation replaces
   * that secret only: a second submission of the same form (a double click, a retry) finds
   * another current secret and is refused, so it rotates once.
   */
  replacesSecretId: z.uuid({ error: "Reload the page to see the client's current secret" }).nullable(),
});

export const endSecretGraceSchema = z.object({
  clientId: clientIdSchema,
  secretId: z.uuid({ error: "That old secret does not exist" }),
});

export const setClientStatusSchema = z.object({
  clientId: clientIdSchema,
  status: clientStatusSchema,
});

export const deleteClientSchema = z.object({
  clientId: clientIdSchema,
  /** The client's name, typed by the administrator to confirm. */
  confirmationName: z.string().max(200).default(""),
});

export const CLIENT_SORT_FIELDS = ["name", "clientId", "status", "createdAt", "lastUsedAt"] as const;
export type ClientSortField = (typeof CLIENT_SORT_FIELDS)[number];
export const CLIENT_PAGE_SIZES = [10, 25, 50, 100] as const;
/** The list's "Usage" filter: unused for 30 days or more, never used, or about to stop working. */
export const CLIENT_USAGE_FILTERS = [
  { value: "all", label: "All" },
  { value: "unused30", label: "Unused for 30+ days" },
  { value: "neverUsed", label: "Never used" },
  { value: "expiringSoon", label: "Expiring soon" },
] as const;
export type ClientUsageFilter = (typeof CLIENT_USAGE_FILTERS)[number]["value"];
const USAGE_VALUES = CLIENT_USAGE_FILTERS.map((filter) => filter.value) as [
  ClientUsageFilter,
  ...ClientUsageFilter[],
];

/** List options as they arrive in a URL's search params (strings), with defaults. */
export const listClientsQuerySchema = z.object({
  search: z.string().max(100).trim().refine(isPrintableLine).catch("").default(""),
  status: z
    .enum(["all", ...CLIENT_STATUSES])
    .catch("all")
    .default("all"),
  usage: z.enum(USAGE_VALUES).catch("all").default("all"),
  /** The organization's idle-client policy, for "Expiring soon" (clients it disables within 7 days). */
  idleDays: z.number().int().positive().nullable().catch(null).default(null),
  sort: z.enum(CLIENT_SORT_FIELDS).catch("name").default("name"),
  direction: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  limit: z.coerce.number().int().min(1).max(100).catch(25).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0).default(0),
});

export type CreateClientInput = z.input<typeof createClientSchema>;
export type UpdateClientInput = z.input<typeof updateClientSchema>;
export type RotateClientSecretInput = z.input<typeof rotateClientSecretSchema>;
export type EndSecretGraceInput = z.input<typeof endSecretGraceSchema>;
export type SetClientStatusInput = z.input<typeof setClientStatusSchema>;
export type DeleteClientInput = z.input<typeof deleteClientSchema>;
export type ListClientsQuery = z.input<typeof listClientsQuerySchema>;
