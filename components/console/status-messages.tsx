import type { ReactNode } from "react";

/**
 * The body of the 403 and 404 pages, without a landmark: inside the console it sits in the
 * console's <main>; outside it (an unknown address) the page wraps it in its own <main>.
 */
function StatusMessage({ code, title, children }: { code: string; title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-700">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-3 text-slate-600">{children}</p>
      <a href="/" className="mt-6 inline-block text-indigo-700 underline">
        Back to the dashboard
      </a>
    </div>
  );
}

export function NotFoundMessage() {
  return (
    <StatusMessage code="404" title="Page not found">
      It may have been deleted, or it belongs to another organization.
    </StatusMessage>
  );
}

export function ForbiddenMessage() {
  return (
    <StatusMessage code="403" title="You do not have access to this page.">
      Administration is limited to console administrators. Ask one of your organization's administrators if
      you need access.
    </StatusMessage>
  );
}
