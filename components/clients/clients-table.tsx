"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type DataTableColumn, type ServerListState } from "@/components/data-table/data-table";
import type { ClientStatus } from "@/lib/db/schema";
import { ClientStatusBadge } from "./client-status-badge";
import { ClientStatusFilter } from "./client-status-filter";
import { ClientUsageFilter } from "./client-usage-filter";

/** One row of the list, already formatted on the server (no secret, no hash). */
export interface ClientListRow {
  clientId: string;
  name: string;
  permissionSummary: string;
  allowedIps: string[];
  status: ClientStatus;
  created: string;
  lastUsed: string;
  /** Why the client stops working soon, or stopped: the idle-client policy, a lapsing secret. */
  notice: string | null;
}

const baseColumns: DataTableColumn<ClientListRow>[] = [
  {
    id: "name",
    accessorKey: "name",
    header: "Name",
    cell: ({ row }) => (
      <Link
        href={`/admin/api-settings/clients/${row.original.clientId}`}
        className="font-medium text-indigo-700 hover:underline"
      >
        {row.original.name}
      </Link>
    ),
  },
  {
    id: "clientId",
    accessorKey: "clientId",
    header: "Client ID",
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.clientId}</span>,
  },
  {
    id: "permissions",
    accessorKey: "permissionSummary",
    header: "Permissions",
    enableSorting: false,
    cell: ({ row }) => <span className="block max-w-sm text-xs">{row.original.permissionSummary}</span>,
  },
];

const allowedIpsColumn: DataTableColumn<ClientListRow> = {
  id: "allowedIps",
  accessorKey: "allowedIps",
  header: "Allowed IPs",
  enableSorting: false,
  cell: ({ row }) => {
    const [first, ...rest] = row.original.allowedIps;
    if (!first) return <span className="text-slate-500">None</span>;
    return (
      <span className="font-mono text-xs" title={row.original.allowedIps.join("\n")}>
        {first}
        {rest.length > 0 ? ` +${rest.length} more` : ""}
      </span>
    );
  },
};

const trailingColumns: DataTableColumn<ClientListRow>[] = [
  {
    id: "status",
    accessorKey: "status",
    header: "Status",
    cell: ({ row }) => (
      <span className="flex flex-col items-start gap-1">
        <ClientStatusBadge status={row.original.status} />
        {row.original.notice ? (
          <span className="max-w-xs text-xs text-amber-900">
            <span aria-hidden="true">! </span>
            {row.original.notice}
          </span>
        ) : null}
      </span>
    ),
  },
  { id: "createdAt", accessorKey: "created", header: "Created" },
  { id: "lastUsedAt", accessorKey: "lastUsed", header: "Last used" },
];

export function ClientsTable(props: {
  rows: ClientListRow[];
  total: number;
  state: ServerListState;
  status: string;
  usage: string;
  /** The Allowed IPs column means something only where the organization restricts by IP. */
  showAllowedIps: boolean;
  empty: ReactNode;
}) {
  const { status, usage, showAllowedIps, ...table } = props;
  const columns = showAllowedIps
    ? [...baseColumns, allowedIpsColumn, ...trailingColumns]
    : [...baseColumns, ...trailingColumns];
  return (
    <DataTable
      caption="API access clients of your organization"
      columns={columns}
      searchLabel="Search clients"
      getRowId={(row) => row.clientId}
      filters={
        <>
          <ClientStatusFilter status={status} />
          <ClientUsageFilter usage={usage} />
        </>
      }
      {...table}
    />
  );
}
