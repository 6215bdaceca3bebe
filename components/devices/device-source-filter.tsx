"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { DEVICE_SOURCE_FILTERS } from "@/lib/devices/device-list-params";

/** The Devices list's "Source" filter: kept in the URL like search and sort, back to page 1 on change. */
export function DeviceSourceFilter({ source }: { source: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <label htmlFor="device-source-filter" className="block text-sm font-medium text-slate-700">
        Source
      </label>
      <select
        id="device-source-filter"
        value={source}
        aria-busy={pending}
        onChange={(event) => {
          const params = new URLSearchParams(searchParams.toString());
          if (event.target.value === "all") params.delete("source");
          else params.set("source", event.target.value);
          if (event.target.value !== "axonius") params.delete("host");
          params.delete("page");
          startTransition(() => router.push(`${pathname}?${params.toString()}`));
        }}
        className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {DEVICE_SOURCE_FILTERS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
