import { z } from "zod";
import { displayName, isPrintableLine, isPrintableText } from "@/lib/validation/text-fields";
import { OUTBOUND_CONNECTOR_KEYS, OUTBOUND_CONNECTORS } from "./connectors";
import { type HostUrlRules, hostUrlSchema } from "./host-url";

/**
 * The zod schemas of outbound credentials, shared by the console forms (as resolvers), the
 * server actions and the domain commands, which parse their input again where the data is
 * touched. The labels are the form's own ("Credential Name", "Axonius API Key"…).
 */

export const CREDENTIAL_NOT_FOUND = "That credential does not exist in your organization.";
export const SECRET_REPLACEMENT_REQUIRED = "Enter a new API key, a new client secret, or both";

const axonius = OUTBOUND_CONNECTORS.axonius.fieldLabels;

export const credentialIdSchema = z.uuid({ error: CREDENTIAL_NOT_FOUND });

/** Trimmed, NFC-normalized, 1–100 characters, no control or invisible format characters. */
export const credentialNameSchema = displayName("Credential Name");

export const credentialDescriptionSchema = z
  .string()
  .transform((value) => value.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .max(500, "Credential Description must be 500 characters or fewer")
      .refine(isPrintableText, "Credential Description must not contain control characters"),
  );

const MAX_SECRET_LENGTH = 1024;

/**
 * An API key or secret as typed: surrounding whitespace dropped (copies often carry it),
 * then visible ASCII only, since it travels in an HTTP header. Errors never repeat it.
 */
function secretSchema(label: string) {
  return z
    .string({ error: `${label} is required` })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, `${label} is required`)
        .max(
          MAX_SECRET_LENGTH,
          `${label} must be ${MAX_SECRET_LENGTH.toLocaleString("en-US")} characters or fewer`,
        )
        .regex(/^[\x21-\x7e]+$/, `${label} may contain only letters, digits and punctuation, without spaces`),
    );
}

/** A replacement secret: left empty means "keep the stored one". */
function replacementSecretSchema(label: string) {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === "" ? undefined : value))
    .pipe(secretSchema(label).optional());
}

export const connectorSchema = z.enum(OUTBOUND_CONNECTOR_KEYS, { error: "Choose a connector" });

/**
 * The schemas for these host URL rules. The forms use the default (https only); the server
 * action passes the rules of LATCHKEY_OUTBOUND_ALLOW_HOSTS so listed hosts may use http.
 */
export function outboundCredentialSchemas(rules: HostUrlRules = {}) {
  const hostUrl = hostUrlSchema(axonius.hostUrl, rules);
  return {
    create: z.object({
      connector: connectorSchema.default("axonius"),
      name: credentialNameSchema,
      description: credentialDescriptionSchema.default(""),
      hostUrl,
      apiKey: secretSchema(axonius.apiKey),
      clientSecret: secretSchema(axonius.clientSecret),
    }),
    /** Fields left out are not changed. The secrets are never edited: they are replaced. */
    update: z.strictObject({
      credentialId: credentialIdSchema,
      name: credentialNameSchema.optional(),
      description: credentialDescriptionSchema.optional(),
      hostUrl: hostUrl.optional(),
    }),
  };
}

const defaultSchemas = outboundCredentialSchemas();
export const createOutboundCredentialSchema = defaultSchemas.create;
export const updateOutboundCredentialSchema = defaultSchemas.update;

export const replaceCredentialSecretSchema = z
  .strictObject({
    credentialId: credentialIdSchema,
    apiKey: replacementSecretSchema(axonius.apiKey),
    clientSecret: replacementSecretSchema(axonius.clientSecret),
  })
  .refine((values) => values.apiKey !== undefined || values.clientSecret !== undefined, {
    message: SECRET_REPLACEMENT_REQUIRED,
    path: ["apiKey"],
  });

export const deleteOutboundCredentialSchema = z.object({ credentialId: credentialIdSchema });

export const CREDENTIAL_TEST_OUTCOMES = ["connected", "failed"] as const;

export const recordCredentialTestSchema = z.object({
  credentialId: credentialIdSchema,
  outcome: z.enum(CREDENTIAL_TEST_OUTCOMES),
  /** What the test said ("Connected — Axonius 6.1", or the reason it failed); never a secret or a remote body. */
  message: z.string().trim().min(1).max(300).refine(isPrintableLine),
  /**
   * The host and secrets the test used (as revealCredentialSecrets returned them): when the
   * credential changed while it ran, the result is audited but not shown as its last test.
   */
  testedAgainst: z.object({ hostUrl: z.string(), secretsUpdatedAt: z.date() }),
});

export const CREDENTIAL_SORT_FIELDS = [
  "name",
  "connector",
  "hostUrl",
  "lastTestedAt",
  "createdAt",
  "updatedAt",
] as const;
export type CredentialSortField = (typeof CREDENTIAL_SORT_FIELDS)[number];
export const CREDENTIAL_PAGE_SIZES = [10, 25, 50, 100] as const;

/** List options as they arrive in a URL's search params (strings), with defaults. */
export const listOutboundCredentialsQuerySchema = z.object({
  search: z.string().max(100).trim().refine(isPrintableLine).catch("").default(""),
  connector: z
    .enum(["all", ...OUTBOUND_CONNECTOR_KEYS])
    .catch("all")
    .default("all"),
  sort: z.enum(CREDENTIAL_SORT_FIELDS).catch("name").default("name"),
  direction: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  limit: z.coerce.number().int().min(1).max(100).catch(25).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0).default(0),
});

export type CreateOutboundCredentialInput = z.input<typeof createOutboundCredentialSchema>;
export type UpdateOutboundCredentialInput = z.input<typeof updateOutboundCredentialSchema>;
export type ReplaceCredentialSecretInput = z.input<typeof replaceCredentialSecretSchema>;
export type DeleteOutboundCredentialInput = z.input<typeof deleteOutboundCredentialSchema>;
export type RecordCredentialTestInput = z.input<typeof recordCredentialTestSchema>;
export type ListOutboundCredentialsQuery = z.input<typeof listOutboundCredentialsQuerySchema>;
