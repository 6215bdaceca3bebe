import { FieldError, FormError } from "@/lib/forms/action-state";
import { CREDENTIAL_REQUIRED, DATA_FLOW_NOT_FOUND, DUPLICATE_DATA_FLOW_NAME } from "./data-flow-schemas";

/** The failures of data flow commands an administrator can cause and fix (shown on the form as they are). */
export class DuplicateDataFlowNameError extends FieldError {
  constructor() {
    super("name", DUPLICATE_DATA_FLOW_NAME);
    this.name = "DuplicateDataFlowNameError";
  }
}

/** The credential is not one of this organization's credentials of the flow's connector. */
export class DataFlowCredentialError extends FieldError {
  constructor() {
    super("credentialId", CREDENTIAL_REQUIRED);
    this.name = "DataFlowCredentialError";
  }
}

export class DataFlowNotFoundError extends FormError {
  constructor() {
    super(DATA_FLOW_NOT_FOUND);
    this.name = "DataFlowNotFoundError";
  }
}

/** "Run now" while a run of the flow is queued or running, or on a paused flow. */
export class DataFlowBusyError extends FormError {
  constructor(message: string) {
    super(message);
    this.name = "DataFlowBusyError";
  }
}
