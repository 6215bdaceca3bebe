"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { credentialPath } from "@/components/credentials/credential-summary";
import { DataTable, type DataTableColumn, type ServerListState } from "@/components/data-table/data-table";
import type { DataFlowRunStatus } from "@/lib/db/schema";
import { DataFlowControls } from "./data-flow-controls";
import { dataFlowPath, dataFlowRunPath } from "./data-flow-paths";
import { DeleteDataFlowButton } from "./delete-data-flow-button";
import { RunStatusBadge } from "./run-status-badge";

/** One row of the Data flows list, formatted on the server. */
export interface DataFlowListRow {
  id: string;
  name: string;
  connectorLabel: string;
  credentialId: string;
  credentialName: string;
  schedule: string;
  paused: boolean;
  pausedReason: string | null;
  lastRun: { id: string; status: DataFlowRunStatus; at: string } | null;
  nextRun: string | null;
}

const columns: DataTableColumn<DataFlowListRow>[] = [
  {
    id: "name",
    accessorKey: "name",
    header: "Name",
    cell: ({ row }) => (
      <Link href={dataFlowPath(row.original.id)} className="font-medium text-indigo-700 hover:underline">
        {row.original.name}
      </Link>
    ),
  },
  { id: "connector", accessorKey: "connectorLabel", header: "Connector", enableSorting: false },
  {
    id: "credential",
    accessorKey: "credentialName",
    header: "Credential",
    cell: ({ row }) => (
      <Link href={credentialPath(row.original.credentialId)} className="text-indigo-700 hover:underline">
        {row.original.credentialName}
      </Link>
    ),
  },
  {
    id: "schedule",
    accessorKey: "schedule",
    header: "Schedule",
    cell: ({ row }) => (
      <span className="block max-w-xs">
        {row.original.schedule}
        {row.original.paused ? (
          <span className="mt-1 block text-xs text-amber-900">
            <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium">Paused</span>{" "}
            {row.original.pausedReason}
          </span>
        ) : null}
      </span>
    ),
  },
  {
    id: "lastRun",
    accessorFn: (row) => row.lastRun?.at ?? "",
    header: "Last run",
    cell: ({ row }) => {
      const run = row.original.lastRun;
      if (!run) return <span className="text-slate-500">Never</span>;
      return (
        <Link
          href={dataFlowRunPath(row.original.id, run.id)}
          className="inline-flex flex-col gap-1 hover:underline"
        >
          <RunStatusBadge status={run.status} />
          <span className="text-xs text-slate-600">{run.at}</span>
        </Link>
      );
    },
  },
  {
    id: "nextRun",
    accessorFn: (row) => row.nextRun ?? "",
    header: "Next run",
    cell: ({ row }) => row.original.nextRun ?? <span className="text-slate-500">None</span>,
  },
  {
    id: "actions",
    header: "Actions",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="flex flex-wrap items-start gap-2">
        <DataFlowControls flow={row.original} compact />
        <Link
          href={`${dataFlowPath(row.original.id)}#data-flow-settings`}
          aria-label={`Edit: ${row.original.name}`}
          className="rounded-md px-3.5 py-2 text-sm font-medium text-indigo-700 hover:bg-slate-100"
        >
          Edit
        </Link>
        <DeleteDataFlowButton flow={row.original} compact />
      </div>
    ),
  },
];

export function DataFlowsTable(props: {
  rows: DataFlowListRow[];
  total: number;
  state: ServerListState;
  empty: ReactNode;
}) {
  return (
    <DataTable
      caption="Data flows of your organization"
      columns={columns}
      searchLabel="Search data flows"
      getRowId={(row) => row.id}
      {...props}
    />
  );
}
