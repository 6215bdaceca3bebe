import Link from "next/link";
import { signOutAction } from "@/app/(console)/actions";
import { Button } from "@/components/ui/button";
import type { ConsoleUser } from "@/lib/auth/console-user";

export function ConsoleHeader({ user }: { user: ConsoleUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-3">
        <div className="flex items-center gap-6">
          <Link href="/" className="text-lg font-semibold tracking-tight text-indigo-800">
            Latchkey
          </Link>
          <nav aria-label="Main" className="flex gap-1 text-sm">
            <Link href="/" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
              Dashboard
            </Link>
            <Link
              href="/docs/access-and-authorization"
              className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100"
            >
              Access and authorization
            </Link>
            <Link href="/docs/api" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
              API reference
            </Link>
            <Link href="/integrations" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
              Integrations
            </Link>
            {user.role.consoleAdmin ? (
              <Link href="/admin" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
                Admin
              </Link>
            ) : null}
          </nav>
        </div>
        <div className="flex items-center gap-4 text-sm">
          <div className="text-right leading-tight">
            <p className="font-medium text-slate-900">{user.organization.name}</p>
            <p className="text-xs text-slate-500">
              Partner ID <span className="font-mono">{user.organization.partnerId}</span>
            </p>
          </div>
          <div className="border-l border-slate-200 pl-4 text-right leading-tight">
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
    </header>
  );
}
