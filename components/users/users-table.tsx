"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn, type ServerListState } from "@/components/data-table/data-table";

export interface UserListRow {
  id: string;
  name: string;
  email: string;
  roleName: string;
  active: boolean;
  canSignIn: boolean;
  lastSignInAt: string | null;
}

const columns: DataTableColumn<UserListRow>[] = [
  {
    id: "name",
    accessorKey: "name",
    header: "Name",
    cell: ({ row }) => (
      <Link href={`/admin/users/${row.original.id}`} className="font-medium text-indigo-700 hover:underline">
        {row.original.name}
      </Link>
    ),
  },
  { id: "email", accessorKey: "email", header: "Email" },
  { id: "role", accessorKey: "roleName", header: "Role" },
  {
    id: "status",
    accessorKey: "active",
    header: "Status",
    cell: ({ row }) =>
      row.original.active ? (
        <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
          Active
        </span>
      ) : (
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
          Deactivated
        </span>
      ),
  },
  {
    id: "lastSignIn",
    accessorKey: "lastSignInAt",
    header: "Last sign-in",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.lastSignInAt
        ? new Date(row.original.lastSignInAt).toLocaleString("en")
        : row.original.canSignIn
          ? "Never"
          : "No console access",
  },
];

export function UsersTable(props: { rows: UserListRow[]; total: number; state: ServerListState }) {
  return (
    <DataTable
      caption="Users in your organization"
      columns={columns}
      searchLabel="Search users"
      getRowId={(row) => row.id}
      empty={props.state.q ? `No users match “${props.state.q}”.` : "No users yet."}
      {...props}
    />
  );
}
