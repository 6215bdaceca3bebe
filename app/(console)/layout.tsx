import { connection } from "next/server";
import type { ReactNode } from "react";
import { ConsoleHeader } from "@/components/console/console-header";
import { requireUser } from "@/lib/auth/current-user";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  await connection();
  const user = await requireUser();
  return (
    <>
      <ConsoleHeader user={user} />
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </>
  );
}
