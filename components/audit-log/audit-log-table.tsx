"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type DataTableColumn, type ServerListState } from "@/components/data-table/data-table";
import { auditEventPath } from "./audit-log-paths";
import type { AuditLogRow } from "./audit-log-row";
import { AuditOutcomeBadge } from "./audit-outcome-badge";

const columns: DataTableColumn<AuditLogRow>[] = [
  {
    id: "createdAt",
    accessorKey: "timeIso",
    header: "Time (UTC)",
    cell: ({ row }) => (
      <time dateTime={row.original.timeIso} className="whitespace-nowrap text-slate-700">
        {row.original.time}
      </time>
    ),
  },
  {
    id: "action",
    accessorKey: "actionLabel",
    header: "Action",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="block">
        <Link href={auditEventPath(row.original.id)} className="font-medium text-indigo-700 hover:underline">
          {row.original.actionLabel}
        </Link>
        {row.original.categoryLabel ? (
          <span className="block text-xs text-slate-500">{row.original.categoryLabel}</span>
        ) : null}
      </span>
    ),
  },
  {
    id: "actor",
    accessorKey: "actorLabel",
    header: "Actor",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="block max-w-xs break-words">
        {row.original.actorLabel}
        <span className="block text-xs text-slate-500">{row.original.actorTypeLabel}</span>
      </span>
    ),
  },
  {
    id: "target",
    accessorKey: "targetId",
    header: "Target",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.targetTypeLabel ? (
        <span className="block max-w-xs">
          {row.original.targetTypeLabel}
          {row.original.targetId ? (
            <span className="block break-all font-mono text-xs text-slate-600">{row.original.targetId}</span>
          ) : null}
        </span>
      ) : (
        <span className="text-slate-500">None</span>
      ),
  },
  {
    id: "outcome",
    accessorKey: "outcome",
    header: "Outcome",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="block">
        <AuditOutcomeBadge outcome={row.original.outcome} />
        {row.original.reasonLabel ? (
          <span className="mt-1 block text-xs text-slate-600">{row.original.reasonLabel}</span>
        ) : null}
      </span>
    ),
  },
  {
    id: "ip",
    accessorKey: "ip",
    header: "Address",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.ip ? (
        <span className="font-mono text-xs">{row.original.ip}</span>
      ) : (
        <span className="text-slate-500">None</span>
      ),
  },
];

/** The audit log's rows, newest first unless the Time column says otherwise, paged by cursor. */
export function AuditLogTable(props: {
  rows: AuditLogRow[];
  total: number;
  state: ServerListState;
  empty: ReactNode;
  pager: ReactNode;
}) {
  return (
    <DataTable
      caption="Audit log of your organization"
      columns={columns}
      searchLabel="Search the audit log"
      getRowId={(row) => row.id}
      positionParams={["after", "before"]}
      {...props}
    />
  );
}
