"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

const OPTIONS = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "disabled", label: "Disabled" },
] as const;

/** The list's "Status" filter: kept in the URL like search and sort, back to page 1 on change. */
export function ClientStatusFilter({ status }: { status: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <label htmlFor="client-status-filter" className="block text-sm font-medium text-slate-700">
        Status
      </label>
      <select
        id="client-status-filter"
        value={status}
        aria-busy={pending}
        onChange={(event) => {
          const params = new URLSearchParams(searchParams.toString());
          if (event.target.value === "all") params.delete("status");
          else params.set("status", event.target.value);
          params.delete("page");
          startTransition(() => router.push(`${pathname}?${params.toString()}`));
        }}
        className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
