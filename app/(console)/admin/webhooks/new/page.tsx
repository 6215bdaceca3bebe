import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { WebhooksBreadcrumbs } from "@/components/webhooks/webhooks-breadcrumbs";

export const metadata: Metadata = { title: "Add endpoint" };

/** "Add endpoint": the URL and events; saving shows the signing secret once. */
export default function NewEndpointPage() {
  return (
    <>
      <WebhooksBreadcrumbs current="Add endpoint" />
      <PageHeader
        title="Add endpoint"
        description="Latchkey sends each chosen event to this URL as a signed POST. The signing secret is shown once, after you save."
      />
      <EndpointForm />
    </>
  );
}
