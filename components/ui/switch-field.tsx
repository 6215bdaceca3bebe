"use client";

import type { InputHTMLAttributes } from "react";
import { FieldMessages } from "./field";

type SwitchFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

/** An on/off setting: a checkbox with its label and a one-line explanation. */
export function SwitchField({ id, label, hint, error, ...input }: SwitchFieldProps) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className="mt-0.5 h-5 w-5 rounded border-slate-300 text-indigo-700 focus:ring-indigo-500"
        {...input}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <FieldMessages id={id} hint={hint} error={error} />
      </div>
    </div>
  );
}
