import { connection } from "next/server";
import type { ReactNode } from "react";
import { ConsoleHeader } from "@/components/console/console-header";
import { FocusHeadingOnNavigation } from "@/components/console/focus-heading-on-navigation";
import { requireUser } from "@/lib/auth/current-user";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  await connection();
  const user = await requireUser();
  return (
    <>
      {/* The first Tab stop: past the header's links straight to the page. */}
      <a
        href="#main-content"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-indigo-800 focus:shadow"
      >
        Skip to main content
      </a>
      <ConsoleHeader user={user} />
      <FocusHeadingOnNavigation />
      <main id="main-content" className="mx-auto max-w-7xl px-6 py-8">
        {children}
      </main>
    </>
  );
}
