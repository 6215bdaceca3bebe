import { z } from "zod";
import type { HostUrlRules } from "@/lib/outbound-credentials/host-url";
import { isPrintableText } from "@/lib/validation/text-fields";
import { WEBHOOK_EVENT_TYPES } from "./webhook-event-catalogue";
import { endpointUrlSchema } from "./webhook-url";

/**
 * The zod schemas of webhook endpoints, shared by the console forms (as resolvers), the server
 * actions and the domain commands, which parse their input again where the data is touched.
 */
export const WEBHOOK_ENDPOINT_NOT_FOUND = "That webhook endpoint does not exist in your organization.";
export const WEBHOOK_DELIVERY_NOT_FOUND = "That delivery does not exist for this endpoint.";
export const CHOOSE_AN_EVENT = "Choose at least one event";

export const endpointIdSchema = z.uuid({ error: WEBHOOK_ENDPOINT_NOT_FOUND });

export const endpointDescriptionSchema = z
  .string()
  .transform((value) => value.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .max(500, "Description must be 500 characters or fewer")
      .refine(isPrintableText, "Description must not contain control characters"),
  );

/** The chosen events, each once, in the catalogue's order. */
export const eventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Choose events from the list" }), { error: CHOOSE_AN_EVENT })
  .min(1, CHOOSE_AN_EVENT)
  .transform((chosen) => WEBHOOK_EVENT_TYPES.filter((type) => chosen.includes(type)));

/**
 * The schemas for these URL rules. The forms use rules that let http through (only the server
 * knows LATCHKEY_OUTBOUND_ALLOW_HOSTS); the server action passes the allow-list's.
 */
export function webhookEndpointSchemas(rules: HostUrlRules = {}) {
  return {
    create: z.object({
      url: endpointUrlSchema(rules),
      description: endpointDescriptionSchema.default(""),
      eventTypes: eventTypesSchema,
    }),
    update: z.object({
      endpointId: endpointIdSchema,
      url: endpointUrlSchema(rules),
      description: endpointDescriptionSchema.default(""),
      eventTypes: eventTypesSchema,
    }),
  };
}

export type CreateWebhookEndpointInput = z.input<ReturnType<typeof webhookEndpointSchemas>["create"]>;
export type UpdateWebhookEndpointInput = z.input<ReturnType<typeof webhookEndpointSchemas>["update"]>;

export const endpointReferenceSchema = z.object({ endpointId: endpointIdSchema });
export type EndpointReference = z.input<typeof endpointReferenceSchema>;

export const setEndpointEnabledSchema = z.object({ endpointId: endpointIdSchema, enabled: z.boolean() });
export type SetEndpointEnabledInput = z.input<typeof setEndpointEnabledSchema>;

export const redeliverSchema = z.object({
  endpointId: endpointIdSchema,
  deliveryId: z.uuid({ error: WEBHOOK_DELIVERY_NOT_FOUND }),
});
export type RedeliverInput = z.input<typeof redeliverSchema>;
