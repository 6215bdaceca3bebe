"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldMessages } from "@/components/ui/field";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-event-catalogue";

/** "Events": one checkbox per event of the catalogue, labelled by its name, with what it means. */
export function EventCheckboxes({
  idPrefix,
  register,
  error,
}: {
  idPrefix: string;
  register: UseFormRegisterReturn<"eventTypes">;
  error?: string;
}) {
  const groupId = `${idPrefix}-events`;
  return (
    <fieldset
      aria-describedby={error ? `${groupId}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-sm font-medium text-slate-800">Events</legend>
      <p className="mb-2 text-xs text-slate-500">What this endpoint is sent. Choose at least one.</p>
      <ul className="space-y-2">
        {WEBHOOK_EVENT_TYPES.map((type) => {
          const id = `${groupId}-${type.replace(/\W/g, "-")}`;
          return (
            <li key={type} className="flex items-start gap-3">
              <input
                id={id}
                type="checkbox"
                value={type}
                aria-describedby={`${id}-hint`}
                className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-700 focus:ring-indigo-500"
                {...register}
              />
              <div>
                <label htmlFor={id} className="text-sm font-medium text-slate-800">
                  {WEBHOOK_EVENTS[type].label}{" "}
                  <code className="text-xs font-normal text-slate-600">{type}</code>
                </label>
                <p id={`${id}-hint`} className="text-xs text-slate-500">
                  {WEBHOOK_EVENTS[type].description}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      <FieldMessages id={groupId} error={error} />
    </fieldset>
  );
}
