import { z } from "zod";
import { OUTBOUND_CONNECTOR_KEYS } from "@/lib/outbound-credentials/connectors";
import { displayName, isPrintableText } from "@/lib/validation/text-fields";
import { cronProblem } from "./data-flow-schedule";

/**
 * The zod schemas of data flows, shared by the console's wizard and edit form (as
 * resolvers), the server actions and the domain commands, which parse again. Field names
 * and labels are the wizard's: "Data flow name", the credential picked on "Authenticate",
 * what to import and the schedule on "Configure".
 */

export const DATA_FLOW_NOT_FOUND = "That data flow does not exist in your organization.";
export const DATA_FLOW_RUN_NOT_FOUND = "That run does not exist in your organization.";
export const DUPLICATE_DATA_FLOW_NAME = "A data flow with this name already exists";
export const CREDENTIAL_REQUIRED = "Choose a saved credential of this connector";

export const dataFlowIdSchema = z.uuid({ error: DATA_FLOW_NOT_FOUND });
export const dataFlowRunIdSchema = z.uuid({ error: DATA_FLOW_RUN_NOT_FOUND });

export const dataFlowNameSchema = displayName("Data flow name");

/** An Axonius AQL filter, as typed; empty imports every device. */
export const aqlFilterSchema = z
  .string()
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .max(4000, "The Axonius filter must be 4,000 characters or fewer")
      .refine(isPrintableText, "The Axonius filter must not contain control characters"),
  );

export const DATA_FLOW_SCHEDULES = [
  { value: "manual", label: "Manual" },
  { value: "hourly", label: "Every hour" },
  { value: "daily", label: "Every day" },
  { value: "cron", label: "Cron expression" },
] as const;

const scheduleSchema = z
  .object({
    schedule: z.enum(["manual", "hourly", "daily", "cron"], { error: "Choose a schedule" }),
    cron: z
      .string()
      .nullish()
      .transform((value) => value?.trim() ?? ""),
  })
  .superRefine((value, context) => {
    if (value.schedule !== "cron") return;
    const problem = value.cron === "" ? "Enter a cron expression" : cronProblem(value.cron);
    if (problem) context.addIssue({ code: "custom", path: ["cron"], message: problem });
  })
  .transform((value) => ({
    schedule: value.schedule,
    cron: value.schedule === "cron" ? value.cron : null,
  }));

const flowFields = z.object({
  name: dataFlowNameSchema,
  connector: z.enum(OUTBOUND_CONNECTOR_KEYS, { error: "Choose a connector" }),
  credentialId: z.uuid({ error: CREDENTIAL_REQUIRED }),
  imports: z.enum(["devices"], { error: "Choose what to import" }).default("devices"),
  filter: aqlFilterSchema.default(""),
});

/**
 * The wizard's "Configure" step: the name, what to import and when. It travels in the
 * wizard's address to "Review", which parses it again before "Create data flow".
 */
export const configureDataFlowSchema = z.intersection(
  flowFields.pick({ name: true, imports: true, filter: true }),
  scheduleSchema,
);

/** A flow's "Settings" form: its configuration and credential (the flow's id is added on save). */
export const dataFlowSettingsSchema = z.intersection(
  configureDataFlowSchema,
  z.object({ credentialId: z.uuid({ error: CREDENTIAL_REQUIRED }) }),
);

export const createDataFlowSchema = z
  .intersection(flowFields, scheduleSchema)
  .transform((value) => ({ ...value }));

export const updateDataFlowSchema = z.intersection(
  z.object({ flowId: dataFlowIdSchema }),
  z.intersection(flowFields.omit({ connector: true }), scheduleSchema),
);

export const dataFlowReferenceSchema = z.object({ flowId: dataFlowIdSchema });
export const pauseDataFlowSchema = z.object({
  flowId: dataFlowIdSchema,
  reason: z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.string().max(500, "The reason must be 500 characters or fewer")),
});
export const dataFlowRunReferenceSchema = z.object({ runId: dataFlowRunIdSchema });

export type ConfigureDataFlowInput = z.input<typeof configureDataFlowSchema>;
export type DataFlowConfiguration = z.output<typeof configureDataFlowSchema>;
export type CreateDataFlowInput = z.input<typeof createDataFlowSchema>;
export type UpdateDataFlowInput = z.input<typeof updateDataFlowSchema>;
export type PauseDataFlowInput = z.input<typeof pauseDataFlowSchema>;
