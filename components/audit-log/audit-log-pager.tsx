"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

const LINK = "rounded-md border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-50";
const DISABLED = "rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1 text-slate-500";

/**
 * Newer / Older through the audit log by cursor: each is a link (the URL is the list's state),
 * or plain text at either end. The count above is exact up to 10,000 and says "10,000+" past it.
 */
export function AuditLogPager({
  summary,
  pageSize,
  pageSizes,
  newerHref,
  olderHref,
  start,
}: {
  summary: string;
  pageSize: number;
  pageSizes: readonly number[];
  newerHref: string | null;
  olderHref: string | null;
  /** Back to the start of the list ("Newest" or "Oldest"), when this page is not its first. */
  start: { href: string; label: string } | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  return (
    <nav
      aria-label="Pagination"
      aria-busy={pending}
      className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
    >
      <p>{summary}</p>
      <div className="flex items-center gap-2">
        <label htmlFor="audit-page-size">Rows per page</label>
        <select
          id="audit-page-size"
          value={pageSize}
          onChange={(event) => {
            const params = new URLSearchParams(searchParams.toString());
            params.set("pageSize", event.target.value);
            params.delete("after");
            params.delete("before");
            startTransition(() => router.push(`${pathname}?${params.toString()}`));
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
        >
          {pageSizes.map((size) => (
            <option key={size}>{size}</option>
          ))}
        </select>
        {start ? (
          <Link href={start.href} className={LINK}>
            {start.label}
          </Link>
        ) : null}
        {newerHref ? (
          <Link href={newerHref} className={LINK}>
            Newer
          </Link>
        ) : (
          <span className={DISABLED}>
            Newer
            <span className="sr-only"> (none)</span>
          </span>
        )}
        {olderHref ? (
          <Link href={olderHref} className={LINK}>
            Older
          </Link>
        ) : (
          <span className={DISABLED}>
            Older
            <span className="sr-only"> (none)</span>
          </span>
        )}
      </div>
    </nav>
  );
}
