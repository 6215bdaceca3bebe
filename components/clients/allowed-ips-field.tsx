import type { TextareaHTMLAttributes } from "react";
import { allowedIpErrorsOf } from "./allowed-ip-errors";

type AllowedIpsFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  error: unknown;
};

/** "Allowed IP Addresses": one address or CIDR range per line, each bad line flagged by itself. */
export function AllowedIpsField({ id, error, ...textarea }: AllowedIpsFieldProps) {
  const { list, entries } = allowedIpErrorsOf(error);
  const invalid = Boolean(list) || entries.length > 0;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Allowed IP Addresses
      </label>
      <textarea
        id={id}
        rows={5}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ""}`}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-red-600"
        {...textarea}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        One per line: a single IPv4 or IPv6 address (203.0.113.7) or a CIDR range (203.0.113.0/24). Your
        organization restricts API access by IP, so this client can call only from these addresses. At most
        100 entries.
      </p>
      {invalid ? (
        <div id={`${id}-error`} className="text-sm text-red-700">
          {list ? <p>{list}</p> : null}
          {entries.length > 0 ? (
            <ul aria-label="Invalid entries" className="mt-1 list-disc space-y-0.5 pl-5">
              {entries.map((entry) => (
                <li key={entry.line}>
                  Line {entry.line}: {entry.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
