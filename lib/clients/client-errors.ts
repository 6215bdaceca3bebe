import { FieldError, FormError } from "@/lib/forms/action-state";

/**
 * The failures of client commands an administrator can cause and fix. They extend the
 * console's FieldError / FormError, so runAdminAction maps them onto the form as they are.
 * "Not found" is not an error here: commands return null for it.
 */

export const DUPLICATE_CLIENT_NAME = "A client with this name already exists";
export const API_ACCESS_NOT_IN_PLAN = "API access is not included in your organization's plan.";
export const ALLOWED_IPS_REQUIRED =
  "Enter at least one address or range: your organization restricts API access by IP";
export const CONFIRMATION_NAME_MISMATCH = "Type the client's name exactly as shown to confirm";
export const CLIENT_NOT_FOUND = "That client does not exist in your organization.";
export const SECRET_ALREADY_ROTATED =
  "This secret was already rotated; reload the page to see the current one. No new secret was made.";
export const NOT_AN_OLD_SECRET = "That is the client's current secret: rotate it instead.";

/** The name is taken in this organization (enforced by the api_clients_organization_name_unique index). */
export class DuplicateClientNameError extends FieldError {
  constructor() {
    super("name", DUPLICATE_CLIENT_NAME);
    this.name = "DuplicateClientNameError";
  }
}

export class ApiAccessNotInPlanError extends FormError {
  constructor() {
    super(API_ACCESS_NOT_IN_PLAN);
    this.name = "ApiAccessNotInPlanError";
  }
}

export class AllowedIpsRequiredError extends FieldError {
  constructor() {
    super("allowedIps", ALLOWED_IPS_REQUIRED);
    this.name = "AllowedIpsRequiredError";
  }
}

export class ConfirmationNameMismatchError extends FieldError {
  constructor() {
    super("confirmationName", CONFIRMATION_NAME_MISMATCH);
    this.name = "ConfirmationNameMismatchError";
  }
}

/** For the console: a command found no such client in the organization (it returned null). */
export class ClientNotFoundError extends FormError {
  constructor() {
    super(CLIENT_NOT_FOUND);
    this.name = "ClientNotFoundError";
  }
}

/** The form's current secret is no longer current: another rotation came first (see rotateClientSecret). */
export class SecretAlreadyRotatedError extends FormError {
  constructor() {
    super(SECRET_ALREADY_ROTATED);
    this.name = "SecretAlreadyRotatedError";
  }
}

/** Ending a grace period was asked for the current secret, which has none. */
export class NotAnOldSecretError extends FormError {
  constructor() {
    super(NOT_AN_OLD_SECRET);
    this.name = "NotAnOldSecretError";
  }
}

/** The client holds permissions the administrator does not: its new secret would hand them over. */
export class RotationBeyondYourRoleError extends FormError {
  constructor(beyond: string) {
    super(
      `This client holds ${beyond}, which your role does not. Only an administrator who holds all of the client's permissions can rotate its secret, since the new secret carries them.`,
    );
    this.name = "RotationBeyondYourRoleError";
  }
}
