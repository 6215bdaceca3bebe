import type { Metadata } from "next";
import Link from "next/link";
import { DataFlowsEmptyState } from "@/components/data-flows/data-flows-empty-state";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Data flows" };

export default function DataFlowsPage() {
  return (
    <>
      <PageHeader
        title="Data flows"
        description="Imports from other systems into your organization's data, each through a connector and a saved credential."
        actions={
          <Link href="/data-flows/new" className={buttonClasses()}>
            Create data flow
          </Link>
        }
      />
      <DataFlowsEmptyState />
    </>
  );
}
