import { FieldError, FormError } from "@/lib/forms/action-state";
import { CREDENTIAL_NOT_FOUND } from "./credential-schemas";

/**
 * The failures of credential commands an administrator can cause and fix. They extend the
 * console's FieldError / FormError, so runAdminAction maps them onto the form as they are.
 * "Not found" is not an error here: commands return null for it.
 */

export const DUPLICATE_CREDENTIAL_NAME = "A credential with this name already exists";
export const CREDENTIAL_SECRETS_UNREADABLE =
  "The stored API key or client secret of this credential cannot be decrypted. Replace the secret to use the credential again.";

/** The name is taken in this organization (enforced by outbound_credentials_organization_name_unique). */
export class DuplicateCredentialNameError extends FieldError {
  constructor() {
    super("name", DUPLICATE_CREDENTIAL_NAME);
    this.name = "DuplicateCredentialNameError";
  }
}

/** The outbound client's network checks refused the host (a private address, a name that does not resolve…). */
export class HostUrlRefusedError extends FieldError {
  constructor(reason: string) {
    super("hostUrl", reason);
    this.name = "HostUrlRefusedError";
  }
}

/** For the console: a command found no such credential in the organization (it returned null). */
export class CredentialNotFoundError extends FormError {
  constructor() {
    super(CREDENTIAL_NOT_FOUND);
    this.name = "CredentialNotFoundError";
  }
}

/**
 * The credential's sealed secrets did not decrypt (altered, moved, or sealed under a key
 * this process does not hold). Already audited as outbound_credential.decrypt_failed when
 * thrown; the page shows the message and carries on.
 */
export class CredentialSecretsUnreadableError extends FormError {
  constructor(readonly fields: readonly ("apiKey" | "clientSecret")[]) {
    super(CREDENTIAL_SECRETS_UNREADABLE);
    this.name = "CredentialSecretsUnreadableError";
  }
}

/** Data flows use the credential: delete or change them first. */
export class CredentialInUseError extends FormError {
  constructor(readonly flowNames: readonly string[]) {
    const shown = flowNames
      .slice(0, 5)
      .map((name) => `"${name}"`)
      .join(", ");
    const more = flowNames.length > 5 ? ` and ${flowNames.length - 5} more` : "";
    super(
      `This credential is used by ${flowNames.length === 1 ? "the data flow" : "the data flows"} ${shown}${more}. Delete those data flows or give them another credential first.`,
    );
    this.name = "CredentialInUseError";
  }
}
