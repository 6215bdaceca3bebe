import type { ReactNode } from "react";
import { requireAdmin } from "@/lib/auth/current-user";

/** Only console administrators see anything under /admin; every action re-checks on its own. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return children;
}
