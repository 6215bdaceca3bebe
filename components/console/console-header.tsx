import Link from "next/link";
import { signOutAction } from "@/app/(console)/actions";
import { Button } from "@/components/ui/button";
import type { ConsoleUser } from "@/lib/auth/console-user";

const NAV_LINK = "rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100";

/** Two rows: who and where (organization, partner ID, user) above, the console's sections below. */
export function ConsoleHeader({ user }: { user: ConsoleUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto max-w-7xl px-6">
        <div className="flex flex-wrap items-center justify-between gap-4 py-3">
          <div className="flex items-baseline gap-4">
            <Link href="/" className="text-lg font-semibold tracking-tight text-indigo-800">
              Latchkey
            </Link>
            <div className="leading-tight">
              <p className="text-sm font-medium text-slate-900">{user.organization.name}</p>
              <p className="text-xs text-slate-500">
                Partner ID <span className="font-mono">{user.organization.partnerId}</span>
              </p>
            </div>
          </div>
          <div className="flex items-center gap-4 text-sm">
            <div className="text-right leading-tight">
              <Link href="/profile" className="font-medium text-slate-900 hover:underline">
                {user.email}
              </Link>
              <p className="text-xs text-slate-500">{user.role.name}</p>
            </div>
            <form action={signOutAction}>
              <Button type="submit" variant="secondary">
                Sign out
              </Button>
            </form>
          </div>
        </div>
        <nav aria-label="Main" className="-mx-3 flex flex-wrap gap-1 pb-2 text-sm">
          <Link href="/" className={NAV_LINK}>
            Dashboard
          </Link>
          <Link href="/integrations" className={NAV_LINK}>
            Integrations
          </Link>
          <Link href="/docs/access-and-authorization" className={NAV_LINK}>
            Access and authorization
          </Link>
          <Link href="/docs/api" className={NAV_LINK}>
            API reference
          </Link>
          {user.role.consoleAdmin ? (
            <>
              <Link href="/data-flows" className={NAV_LINK}>
                Data flows
              </Link>
              <Link href="/devices" className={NAV_LINK}>
                Devices
              </Link>
              <Link href="/admin" className={NAV_LINK}>
                Admin
              </Link>
            </>
          ) : null}
        </nav>
      </div>
    </header>
  );
}
