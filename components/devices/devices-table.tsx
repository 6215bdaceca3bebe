"use client";

import type { ReactNode } from "react";
import { DataTable, type DataTableColumn, type ServerListState } from "@/components/data-table/data-table";

/** One row of the Devices list, formatted on the server. */
export interface DeviceListRow {
  id: string;
  hostname: string | null;
  serial: string;
  model: string;
  ipAddresses: string[];
  lastSeen: string | null;
  source: string;
  missingSince: string | null;
  status: string;
}

const none = <span className="text-slate-500">None</span>;

const columns: DataTableColumn<DeviceListRow>[] = [
  {
    id: "hostname",
    accessorFn: (row) => row.hostname ?? "",
    header: "Hostname",
    cell: ({ row }) => row.original.hostname ?? none,
  },
  {
    id: "serial",
    accessorKey: "serial",
    header: "Serial",
    cell: ({ row }) =>
      row.original.serial ? <span className="font-mono text-xs">{row.original.serial}</span> : none,
  },
  { id: "model", accessorKey: "model", header: "Model" },
  {
    id: "ipAddresses",
    accessorFn: (row) => row.ipAddresses.join(", "),
    header: "IP addresses",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.ipAddresses.length === 0 ? (
        none
      ) : (
        <span className="block max-w-xs break-all font-mono text-xs">
          {row.original.ipAddresses.join(", ")}
        </span>
      ),
  },
  {
    id: "lastSeenAt",
    accessorFn: (row) => row.lastSeen ?? "",
    header: "Last seen",
    cell: ({ row }) => row.original.lastSeen ?? <span className="text-slate-500">Unknown</span>,
  },
  {
    id: "source",
    accessorKey: "source",
    header: "Source",
    cell: ({ row }) => <span className="block max-w-xs break-all">{row.original.source}</span>,
  },
  {
    id: "status",
    accessorKey: "status",
    header: "Status",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.missingSince ? (
        <span className="text-amber-900">Missing upstream since {row.original.missingSince}</span>
      ) : (
        row.original.status
      ),
  },
];

export function DevicesTable(props: {
  rows: DeviceListRow[];
  total: number;
  state: ServerListState;
  filters: ReactNode;
  empty: ReactNode;
}) {
  return (
    <DataTable
      caption="Devices of your organization"
      columns={columns}
      searchLabel="Search devices"
      getRowId={(row) => row.id}
      {...props}
    />
  );
}
