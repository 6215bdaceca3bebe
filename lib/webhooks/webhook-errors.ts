import { FieldError, FormError } from "@/lib/forms/action-state";
import { WEBHOOK_DELIVERY_NOT_FOUND, WEBHOOK_ENDPOINT_NOT_FOUND } from "./webhook-schemas";

/**
 * Failures of webhook commands an administrator can cause and fix. They extend the console's
 * FieldError / FormError, so runAdminAction maps them onto the form as they are. "Not found"
 * is not an error in the commands: they return null for it, and the actions turn that into these.
 */

export const ENDPOINT_DISABLED_FOR_REDELIVERY = "This endpoint is disabled: enable it to redeliver.";

/** The outbound client's network checks refused the URL (a private address, a name that does not resolve…). */
export class EndpointUrlRefusedError extends FieldError {
  constructor(reason: string) {
    super("url", reason);
    this.name = "EndpointUrlRefusedError";
  }
}

export class WebhookEndpointNotFoundError extends FormError {
  constructor() {
    super(WEBHOOK_ENDPOINT_NOT_FOUND);
    this.name = "WebhookEndpointNotFoundError";
  }
}

export class WebhookDeliveryNotFoundError extends FormError {
  constructor() {
    super(WEBHOOK_DELIVERY_NOT_FOUND);
    this.name = "WebhookDeliveryNotFoundError";
  }
}

export class EndpointDisabledError extends FormError {
  constructor() {
    super(ENDPOINT_DISABLED_FOR_REDELIVERY);
    this.name = "EndpointDisabledError";
  }
}
