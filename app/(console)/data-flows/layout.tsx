import type { ReactNode } from "react";
import { requireAdmin } from "@/lib/auth/current-user";

/** Data flows use the organization's outbound credentials: console administrators only, as Admin is. */
export default async function DataFlowsLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return children;
}
