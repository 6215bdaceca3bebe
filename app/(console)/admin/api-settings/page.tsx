import type { Metadata } from "next";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API Settings" };

export default function ApiSettingsPage() {
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", label: "Admin" },
          { label: "Security & Integrations" },
          { label: "API Settings" },
        ]}
      />
      <PageHeader
        title="API Access Clients"
        description="An API access client is a program — a script, an integration, a partner system — that reaches your organization's data through the API with its own client ID and secret."
      />
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-sm text-slate-600">
        <p>
          This page will list your organization's API access clients and let you create them: a name, the IP
          addresses they may call from, a grid of what they may read and change, and a secret shown once.
        </p>
      </div>
    </>
  );
}
