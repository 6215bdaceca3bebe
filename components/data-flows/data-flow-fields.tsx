"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { FieldFrame, TextField } from "@/components/ui/field";
import { type ConfigureDataFlowInput, DATA_FLOW_SCHEDULES } from "@/lib/data-flows/data-flow-schemas";

/** The form values the wizard's Configure step and a flow's Settings share (Settings adds the credential). */
export type DataFlowFieldValues = ConfigureDataFlowInput & { credentialId: string };

const textareaClasses =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-red-600";

export const FILTER_HINT =
  "An Axonius Query Language (AQL) filter, as Axonius's query wizard shows it. Leave it empty to import every device; devices that vanish upstream are marked missing only by runs without a filter.";
export const CRON_HINT =
  "Five fields in UTC: minute hour day-of-month month day-of-week, e.g. 0 6 * * 1-5 for 06:00 on weekdays. At most every 5 minutes.";

/** "Data flow name". */
export function DataFlowNameField({
  id,
  register,
  errors,
}: {
  id: string;
  register: UseFormRegister<DataFlowFieldValues>;
  errors: FieldErrors<DataFlowFieldValues>;
}) {
  return (
    <TextField
      id={id}
      label="Data flow name"
      autoComplete="off"
      maxLength={200}
      required
      hint="Shown in the Data flows list and the audit history."
      error={errors.name?.message}
      {...register("name")}
    />
  );
}

/** "What to import" (Devices) and the optional "Axonius filter (AQL)". */
export function ImportFields({
  idPrefix,
  register,
  errors,
}: {
  idPrefix: string;
  register: UseFormRegister<DataFlowFieldValues>;
  errors: FieldErrors<DataFlowFieldValues>;
}) {
  const filterId = `${idPrefix}-filter`;
  return (
    <>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">What to import</legend>
        <label className="flex items-start gap-2 text-sm text-slate-900">
          <input
            type="radio"
            value="devices"
            className="mt-1 h-4 w-4 accent-indigo-700"
            aria-describedby={`${idPrefix}-imports-hint`}
            {...register("imports")}
          />
          <span>
            Devices
            <span id={`${idPrefix}-imports-hint`} className="block text-xs text-slate-500">
              Axonius devices become Latchkey devices, kept up to date by each run.
            </span>
          </span>
        </label>
      </fieldset>
      <FieldFrame
        id={filterId}
        label="Axonius filter (AQL, optional)"
        hint={FILTER_HINT}
        error={errors.filter?.message}
      >
        <textarea
          id={filterId}
          rows={3}
          spellCheck={false}
          aria-invalid={errors.filter ? true : undefined}
          aria-describedby={errors.filter ? `${filterId}-error` : `${filterId}-hint`}
          placeholder='("specific_data.data.hostname" == regex("^lab-", "i"))'
          className={textareaClasses}
          {...register("filter")}
        />
      </FieldFrame>
    </>
  );
}

/** "Schedule": Manual, Every hour, Every day, or a cron expression (its field shown when chosen). */
export function ScheduleFields({
  idPrefix,
  register,
  errors,
  schedule,
}: {
  idPrefix: string;
  register: UseFormRegister<DataFlowFieldValues>;
  errors: FieldErrors<DataFlowFieldValues>;
  schedule: string;
}) {
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={errors.schedule ? `${idPrefix}-schedule-error` : undefined}
    >
      <legend className="text-sm font-medium text-slate-800">Schedule</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {DATA_FLOW_SCHEDULES.map((choice) => (
          <label key={choice.value} className="flex items-center gap-2 text-sm text-slate-900">
            <input
              type="radio"
              value={choice.value}
              className="h-4 w-4 accent-indigo-700"
              {...register("schedule")}
            />
            {choice.label}
          </label>
        ))}
      </div>
      {errors.schedule ? (
        <p id={`${idPrefix}-schedule-error`} className="text-sm text-red-700">
          {errors.schedule.message}
        </p>
      ) : (
        <p className="text-xs text-slate-500">
          Every hour runs at the top of each hour, every day at 00:00 UTC. Manual flows run when you click Run
          now.
        </p>
      )}
      {schedule === "cron" ? (
        <TextField
          id={`${idPrefix}-cron`}
          label="Cron expression (UTC)"
          autoComplete="off"
          spellCheck={false}
          hint={CRON_HINT}
          error={errors.cron?.message}
          {...register("cron")}
        />
      ) : null}
    </fieldset>
  );
}
