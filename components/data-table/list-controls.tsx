"use client";

import { type ReactNode, useState } from "react";

/** The search box (submitted on Enter or the button) and any filters of a server-side list. */
export function ListControls({
  searchLabel,
  query,
  onSearch,
  filters,
}: {
  searchLabel: string;
  query: string;
  onSearch: (query: string) => void;
  filters?: ReactNode;
}) {
  const [value, setValue] = useState(query);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <search>
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            onSearch(value.trim());
          }}
        >
          <div>
            <label htmlFor="list-search" className="block text-sm font-medium text-slate-700">
              {searchLabel}
            </label>
            <input
              id="list-search"
              type="search"
              value={value}
              maxLength={200}
              onChange={(event) => setValue(event.target.value)}
              className="mt-1 w-72 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
            />
          </div>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
          >
            Search
          </button>
        </form>
      </search>
      {filters}
    </div>
  );
}
