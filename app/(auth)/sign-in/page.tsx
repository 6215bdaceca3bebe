import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { INVALID_CREDENTIALS } from "@/lib/auth/sign-in-schema";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  await connection();
  if (await getCurrentUser()) redirect("/");
  const { error } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-widest text-indigo-700">Latchkey</p>
        <h1 className="mt-1 mb-6 text-2xl font-semibold">Sign in to the console</h1>
        <SignInForm notice={error ? INVALID_CREDENTIALS : undefined} />
      </div>
    </main>
  );
}
