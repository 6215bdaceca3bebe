import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Latchkey", template: "%s · Latchkey" },
  description: "API access console",
  robots: { index: false, follow: false },
};

// Every page renders per request, so that each carries its own script nonce (see proxy.ts);
// a page prerendered at build time would hold scripts no nonce allows.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
