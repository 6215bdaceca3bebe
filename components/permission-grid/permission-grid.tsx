"use client";

import { useId } from "react";
import {
  ALL_SCOPES,
  OPERATION_LABELS,
  OPERATIONS,
  type Operation,
  RESOURCES,
  type Scope,
  scopeOf,
  supportsOperation,
} from "@/lib/permissions/catalogue";
import { normalizeGrid } from "@/lib/permissions/grid";
import { AllowedEndpoints } from "./allowed-endpoints";

interface PermissionGridProps {
  value: readonly Scope[];
  onChange: (next: Scope[]) => void;
  /**
   * When given, only these scopes may change (what the user's or administrator's role holds):
   * every other cell is locked as it is, neither granted nor removed here.
   */
  grantable?: readonly Scope[];
  /** Why a locked cell is locked, shown once above the grid and read with each locked cell. */
  lockedReason?: string;
  disabled?: boolean;
  error?: string;
}

const DEFAULT_LOCKED_REASON = "Your role does not hold this permission.";

/**
 * The permission grid: one row per resource, one column per operation, every cell a labelled
 * Allowed/Prohibited choice (a native select, so it works by keyboard and screen reader alike).
 * Everything starts Prohibited. Cells outside `grantable` are locked: disabled, marked
 * "Locked", and described by `lockedReason`; row and column shortcuts skip them.
 */
export function PermissionGrid({
  value,
  onChange,
  grantable,
  lockedReason = DEFAULT_LOCKED_REASON,
  disabled,
  error,
}: PermissionGridProps) {
  const allowed = new Set(value);
  const reasonId = useId();
  const canGrant = (scope: Scope) => !grantable || grantable.includes(scope);
  const anyLocked = ALL_SCOPES.some((scope) => !canGrant(scope));
  const set = (scopes: readonly Scope[], allow: boolean) => {
    const next = new Set(allowed);
    for (const scope of scopes) {
      if (allow && canGrant(scope)) next.add(scope);
      else if (!allow) next.delete(scope);
    }
    onChange(normalizeGrid([...next]));
  };
  const rowScopes = (resource: (typeof RESOURCES)[number]) =>
    resource.operations.map((operation) => scopeOf(resource.key, operation)).filter(canGrant);
  const columnScopes = (operation: Operation) =>
    RESOURCES.filter((resource) => supportsOperation(resource.key, operation))
      .map((resource) => scopeOf(resource.key, operation))
      .filter(canGrant);
  const allIn = (scopes: Scope[]) => scopes.length > 0 && scopes.every((scope) => allowed.has(scope));

  return (
    <div className="space-y-4">
      {anyLocked ? (
        <p id={reasonId} className="text-sm text-slate-600">
          <span className="font-medium text-slate-800">Locked</span> cells: {lockedReason} They stay as they
          are when you save.
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" aria-describedby={error ? "permission-grid-error" : undefined}>
          <caption className="sr-only">Permissions: what this identity may do with each resource</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold">
                Resource
              </th>
              {OPERATIONS.map((operation) => {
                const scopes = columnScopes(operation);
                const all = allIn(scopes);
                return (
                  <th key={operation} scope="col" className="px-3 py-2 text-left font-semibold">
                    <div>{OPERATION_LABELS[operation]}</div>
                    <button
                      type="button"
                      disabled={disabled || scopes.length === 0}
                      onClick={() => set(scopes, !all)}
                      className="mt-1 text-xs font-normal text-indigo-700 underline disabled:text-slate-400 disabled:no-underline"
                    >
                      {all
                        ? `Prohibit all ${OPERATION_LABELS[operation]}`
                        : `Allow all ${OPERATION_LABELS[operation]}`}
                    </button>
                  </th>
                );
              })}
              <th scope="col" className="px-3 py-2 text-left font-semibold">
                <span className="sr-only">Whole row</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {RESOURCES.map((resource) => {
              const scopes = rowScopes(resource);
              const all = allIn(scopes);
              return (
                <tr key={resource.key}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {resource.label}
                    <p className="text-xs font-normal text-slate-500">{resource.description}</p>
                  </th>
                  {OPERATIONS.map((operation) => (
                    <td key={operation} className="px-3 py-2">
                      <PermissionCell
                        resourceLabel={resource.label}
                        operation={operation}
                        scope={scopeOf(resource.key, operation)}
                        supported={supportsOperation(resource.key, operation)}
                        grantable={canGrant(scopeOf(resource.key, operation))}
                        lockedDescriptionId={reasonId}
                        allowed={allowed.has(scopeOf(resource.key, operation))}
                        disabled={disabled}
                        onChange={(allow) => set([scopeOf(resource.key, operation)], allow)}
                      />
                    </td>
                  ))}
                  <td className="px-3 py-2">
                    <button
                      type="button"
                      disabled={disabled || scopes.length === 0}
                      onClick={() => set(scopes, !all)}
                      className="whitespace-nowrap text-xs text-indigo-700 underline disabled:text-slate-400 disabled:no-underline"
                    >
                      {all ? `Prohibit all ${resource.label}` : `Allow all ${resource.label}`}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error ? (
        <p id="permission-grid-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <AllowedEndpoints scopes={value} />
    </div>
  );
}

function PermissionCell(props: {
  resourceLabel: string;
  operation: Operation;
  scope: Scope;
  supported: boolean;
  grantable: boolean;
  lockedDescriptionId: string;
  allowed: boolean;
  disabled?: boolean;
  onChange: (allow: boolean) => void;
}) {
  const label = `${props.resourceLabel} ${OPERATION_LABELS[props.operation]}`;
  if (!props.supported) {
    return (
      <span className="text-slate-400" title={`${label} does not exist`}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{label}: not applicable</span>
      </span>
    );
  }
  const locked = !props.grantable;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <select
        aria-label={label}
        aria-describedby={locked ? props.lockedDescriptionId : undefined}
        title={props.scope}
        value={props.allowed ? "allowed" : "prohibited"}
        disabled={props.disabled || locked}
        onChange={(event) => props.onChange(event.target.value === "allowed")}
        className={`rounded-md border px-2 py-1 text-sm disabled:cursor-not-allowed ${props.allowed ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-slate-300 bg-white text-slate-700"} ${locked ? "opacity-70" : ""}`}
      >
        <option value="prohibited">Prohibited</option>
        <option value="allowed">Allowed</option>
      </select>
      {locked ? <span className="text-xs text-slate-600">Locked</span> : null}
    </div>
  );
}
