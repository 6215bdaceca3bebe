"use client";

import {
  type ColumnDef,
  type PaginationState,
  type RowData,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type ReactNode, useTransition } from "react";
import { ListControls } from "./list-controls";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type DataTableColumn<TRow extends RowData> = ColumnDef<typeof dataTableFeatures, TRow>;

export interface ServerListState {
  q: string;
  sort: string;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

interface DataTableProps<TRow extends RowData> {
  caption: string;
  columns: DataTableColumn<TRow>[];
  rows: TRow[];
  total: number;
  state: ServerListState;
  searchLabel: string;
  filters?: ReactNode;
  empty: ReactNode;
  getRowId: (row: TRow) => string;
  /** Replaces the page numbers, for a list paged by cursor ("Newer" / "Older") rather than by page. */
  pager?: ReactNode;
  /** The URL parameters that hold where the view is in the list: a new search or sort drops them. */
  positionParams?: readonly string[];
}

/**
 * A list whose sorting, search and pagination happen on the server: the table's state is
 * the URL, and changing it navigates, so every view is a link that can be shared or reloaded.
 */
export function DataTable<TRow extends RowData>({
  caption,
  columns,
  rows,
  total,
  state,
  searchLabel,
  filters,
  empty,
  getRowId,
  pager,
  positionParams = ["page"],
}: DataTableProps<TRow>) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const navigate = (changes: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "") params.delete(key);
      else params.set(key, String(value));
    }
    startTransition(() => router.push(`${pathname}?${params.toString()}`));
  };

  const fromTheStart = Object.fromEntries(positionParams.map((name) => [name, undefined]));

  const sorting: SortingState = [{ id: state.sort, desc: state.dir === "desc" }];
  const pagination: PaginationState = { pageIndex: state.page - 1, pageSize: state.pageSize };
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId,
    rowCount: total,
    manualSorting: true,
    manualPagination: true,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      navigate({ sort: first?.id ?? state.sort, dir: first?.desc ? "desc" : "asc", ...fromTheStart });
    },
    onPaginationChange: (updater) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      navigate({ page: next.pageIndex + 1, pageSize: next.pageSize });
    },
  });

  return (
    <div className="space-y-3" aria-busy={pending}>
      <ListControls
        searchLabel={searchLabel}
        query={state.q}
        onSearch={(q) => navigate({ q, ...fromTheStart })}
        filters={filters}
      />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = header.column.getCanSort();
                  const direction = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined
                      }
                      className="px-4 py-2.5 text-left font-semibold text-slate-700"
                    >
                      {sortable ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 hover:text-indigo-700"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">
                            {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-2.5 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <div className="p-8 text-center text-sm text-slate-600">{empty}</div> : null}
      </div>
      {pager ?? (
        <Pagination
          page={state.page}
          pageSize={state.pageSize}
          total={total}
          onPage={(page) => table.setPageIndex(page - 1)}
          onPageSize={(size) => table.setPagination({ pageIndex: 0, pageSize: size })}
        />
      )}
    </div>
  );
}

function Pagination({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
    >
      <p>
        {first}–{last} of {total.toLocaleString("en")}
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor="page-size">Rows per page</label>
        <select
          id="page-size"
          value={pageSize}
          onChange={(event) => onPageSize(Number(event.target.value))}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
        >
          {[10, 25, 50, 100].map((size) => (
            <option key={size}>{size}</option>
          ))}
        </select>
        <button
          type="button"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
          className="rounded-md border border-slate-300 bg-white px-2.5 py-1 disabled:opacity-50"
        >
          Previous
        </button>
        <span>
          Page {page} of {pages}
        </span>
        <button
          type="button"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
          className="rounded-md border border-slate-300 bg-white px-2.5 py-1 disabled:opacity-50"
        >
          Next
        </button>
      </div>
    </nav>
  );
}
