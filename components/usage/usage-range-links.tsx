import Link from "next/link";
import { USAGE_RANGE_KEYS, USAGE_RANGES, type UsageRange } from "@/lib/usage/usage-series";

/** Links to the same page with another `?usage=` range: the period is part of the URL. */
export function UsageRangeLinks({
  current,
  hrefFor,
}: {
  current: UsageRange;
  hrefFor: (range: UsageRange) => string;
}) {
  return (
    <nav aria-label="Usage period">
      <ul className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm">
        {USAGE_RANGE_KEYS.map((range) => {
          const active = range === current;
          return (
            <li key={range} className="border-slate-300 not-first:border-l">
              <Link
                href={hrefFor(range)}
                aria-current={active ? "page" : undefined}
                scroll={false}
                className={`block px-3 py-1.5 ${active ? "bg-indigo-700 font-semibold text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
              >
                {USAGE_RANGES[range].label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
