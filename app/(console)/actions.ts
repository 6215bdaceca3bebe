"use server";

import { signOut } from "@/lib/auth/auth";
import { endCurrentSession } from "@/lib/auth/current-user";

export async function signOutAction(): Promise<void> {
  await endCurrentSession();
  await signOut({ redirectTo: "/sign-in" });
}
