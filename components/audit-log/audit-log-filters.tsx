"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useTransition } from "react";

export interface AuditLogFilterValues {
  actorType: string;
  actor: string;
  /** The action select's value: "", "category:<key>" or an action. */
  action: string;
  targetType: string;
  targetId: string;
  outcome: string;
  from: string;
  to: string;
}

type Option = { value: string; label: string };

export interface AuditLogFilterOptions {
  actorTypes: Option[];
  actionGroups: Array<{ label: string; options: Option[] }>;
  targetTypes: Option[];
  outcomes: Option[];
}

const CONTROL = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const LABEL = "block text-sm font-medium text-slate-700";

/** The filter fields, by URL parameter: what each is called and how it is asked for. */
const TEXT_FIELDS = ["actor", "targetId", "from", "to"] as const;

/**
 * The audit log's filters: who (actor type, text in the actor's label), what (an action, or all
 * of one category), to what (target type and ID), how it ended, and which days (UTC, both
 * included). Applying them goes back to the newest events; the search box and page size stay.
 */
export function AuditLogFilters({
  values,
  options,
  filtered,
}: {
  values: AuditLogFilterValues;
  options: AuditLogFilterOptions;
  filtered: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const kept of ["q", "pageSize", "dir"]) {
      const value = searchParams.get(kept);
      if (value) params.set(kept, value);
    }
    const set = (name: string, value: FormDataEntryValue | null) => {
      const text = typeof value === "string" ? value.trim() : "";
      if (text) params.set(name, text);
    };
    set("actorType", form.get("actorType"));
    set("targetType", form.get("targetType"));
    set("outcome", form.get("outcome"));
    for (const name of TEXT_FIELDS) set(name, form.get(name));
    const action = String(form.get("action") ?? "");
    if (action.startsWith("category:")) set("category", action.slice("category:".length));
    else set("action", action);
    startTransition(() => router.push(`${pathname}?${params.toString()}`));
  };

  return (
    <form
      aria-label="Filter the audit log"
      aria-busy={pending}
      onSubmit={apply}
      className="mb-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="audit-filter-actor-type" className={LABEL}>
            Actor type
          </label>
          <select
            id="audit-filter-actor-type"
            name="actorType"
            defaultValue={values.actorType}
            className={CONTROL}
          >
            <option value="">Any</option>
            {options.actorTypes.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-filter-actor" className={LABEL}>
            Actor
          </label>
          <input
            id="audit-filter-actor"
            name="actor"
            type="text"
            defaultValue={values.actor}
            maxLength={200}
            aria-describedby="audit-filter-actor-hint"
            className={CONTROL}
          />
          <p id="audit-filter-actor-hint" className="mt-1 text-xs text-slate-500">
            Part of an email or client name, 3 characters or more.
          </p>
        </div>
        <div>
          <label htmlFor="audit-filter-action" className={LABEL}>
            Action
          </label>
          <select id="audit-filter-action" name="action" defaultValue={values.action} className={CONTROL}>
            <option value="">Any</option>
            {options.actionGroups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-filter-outcome" className={LABEL}>
            Outcome
          </label>
          <select id="audit-filter-outcome" name="outcome" defaultValue={values.outcome} className={CONTROL}>
            <option value="">Any</option>
            {options.outcomes.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-filter-target-type" className={LABEL}>
            Target type
          </label>
          <select
            id="audit-filter-target-type"
            name="targetType"
            defaultValue={values.targetType}
            className={CONTROL}
          >
            <option value="">Any</option>
            {options.targetTypes.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-filter-target-id" className={LABEL}>
            Target ID
          </label>
          <input
            id="audit-filter-target-id"
            name="targetId"
            type="text"
            defaultValue={values.targetId}
            maxLength={200}
            className={`${CONTROL} font-mono`}
          />
        </div>
        <div>
          <label htmlFor="audit-filter-from" className={LABEL}>
            From (UTC)
          </label>
          <input
            id="audit-filter-from"
            name="from"
            type="date"
            defaultValue={values.from}
            className={CONTROL}
          />
        </div>
        <div>
          <label htmlFor="audit-filter-to" className={LABEL}>
            To (UTC, included)
          </label>
          <input id="audit-filter-to" name="to" type="date" defaultValue={values.to} className={CONTROL} />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="rounded-md border border-indigo-700 bg-indigo-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-800"
        >
          Apply filters
        </button>
        {filtered ? (
          <Link href={pathname} className="text-sm font-medium text-indigo-700 hover:underline">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
