"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type DataTableColumn, type ServerListState } from "@/components/data-table/data-table";
import { type CredentialSummary, credentialPath } from "./credential-summary";
import { LastTestResult } from "./last-test-result";

/** One row of the Credentials list: safe fields only, formatted on the server. */
export interface CredentialListRow extends CredentialSummary {
  dataFlowCount: number;
}

const columns: DataTableColumn<CredentialListRow>[] = [
  {
    id: "name",
    accessorKey: "name",
    header: "Name",
    cell: ({ row }) => (
      <Link href={credentialPath(row.original.id)} className="font-medium text-indigo-700 hover:underline">
        {row.original.name}
      </Link>
    ),
  },
  { id: "connector", accessorKey: "connectorLabel", header: "Connector" },
  {
    id: "hostUrl",
    accessorKey: "hostUrl",
    header: "Host URL",
    cell: ({ row }) => <span className="break-all font-mono text-xs">{row.original.hostUrl}</span>,
  },
  {
    id: "apiKey",
    accessorKey: "apiKeyHint",
    header: "API key",
    enableSorting: false,
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.apiKeyHint}</span>,
  },
  {
    id: "lastTestedAt",
    accessorFn: (row) => row.lastTest?.atIso ?? "",
    header: "Last test",
    cell: ({ row }) => (
      <span className="block max-w-xs">
        <LastTestResult lastTest={row.original.lastTest} compact />
      </span>
    ),
  },
  {
    id: "dataFlows",
    accessorKey: "dataFlowCount",
    header: "Data flows",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.dataFlowCount === 0 ? (
        <span className="text-slate-500">None</span>
      ) : (
        row.original.dataFlowCount.toLocaleString("en")
      ),
  },
];

export function CredentialsTable(props: {
  rows: CredentialListRow[];
  total: number;
  state: ServerListState;
  empty: ReactNode;
}) {
  return (
    <DataTable
      caption="Outbound credentials of your organization"
      columns={columns}
      searchLabel="Search credentials"
      getRowId={(row) => row.id}
      {...props}
    />
  );
}
