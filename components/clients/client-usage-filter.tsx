"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { CLIENT_USAGE_FILTERS } from "@/lib/clients/client-schemas";

/** The list's "Usage" filter (unused for 30+ days, never used, expiring soon), kept in the URL; back to page 1 on change. */
export function ClientUsageFilter({ usage }: { usage: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <label htmlFor="client-usage-filter" className="block text-sm font-medium text-slate-700">
        Usage
      </label>
      <select
        id="client-usage-filter"
        value={usage}
        aria-busy={pending}
        onChange={(event) => {
          const params = new URLSearchParams(searchParams.toString());
          if (event.target.value === "all") params.delete("usage");
          else params.set("usage", event.target.value);
          params.delete("page");
          startTransition(() => router.push(`${pathname}?${params.toString()}`));
        }}
        className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {CLIENT_USAGE_FILTERS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
