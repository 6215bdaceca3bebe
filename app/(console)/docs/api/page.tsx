import type { Metadata } from "next";
import { CopyableCode } from "@/components/api-reference/copyable-code";
import { OperationCard } from "@/components/api-reference/operation-card";
import { PageHeader } from "@/components/ui/page-header";
import { buildOpenApiDocument } from "@/lib/api/openapi/openapi-document";
import { referenceOperationsByTag } from "@/lib/api/openapi/reference-operations";
import { issuerUrl } from "@/lib/oauth/issuer";

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

/** An id without spaces: aria-labelledby reads a space-separated list of ids ("Category Management"). */
const tagHeadingId = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

export default function ApiReferencePage() {
  const baseUrl = issuerUrl();
  const groups = referenceOperationsByTag(buildOpenApiDocument(baseUrl) as never);
  const tokenExample = [
    `curl -s -u "$LATCHKEY_CLIENT_ID:$LATCHKEY_CLIENT_SECRET" \\`,
    "  -d grant_type=client_credentials \\",
    `  ${baseUrl}/api/oauth/token`,
  ].join("\n");
  const headerExample = [
    `curl -s "${baseUrl}/api/v1/cases?limit=50" \\`,
    '  -H "api-key: $LATCHKEY_CLIENT_ID" \\',
    '  -H "api-secret: $LATCHKEY_CLIENT_SECRET"',
  ].join("\n");
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Generated from the OpenAPI 3.1 document at{" "}
            <a className="text-indigo-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            . Errors are RFC 9457 problem+json; a missing scope answers 403 with the scope it needs.
          </>
        }
      />
      <section
        aria-labelledby="auth-heading"
        className="mb-8 space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      >
        <h2 id="auth-heading" className="text-lg font-semibold">
          Authentication
        </h2>
        <p className="text-sm text-slate-700">
          Trade the client ID and secret of an API access client for an access token (OAuth 2.0 client
          credentials), then send it as <code>Authorization: Bearer …</code>. Tokens last one hour. Add{" "}
          <code>-d scope=&quot;cases:read&quot;</code> to ask for less than the client holds.
        </p>
        <CopyableCode code={tokenExample} label="token request example" />
        <p className="text-sm text-slate-700">Or send the client ID and secret on every call:</p>
        <CopyableCode code={headerExample} label="api-key example" />
      </section>
      <div className="space-y-8">
        {[...groups.entries()].map(([tag, operations]) => (
          <section
            key={tag}
            aria-labelledby={tagHeadingId(tag)}
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
          >
            <h2 id={tagHeadingId(tag)} className="text-lg font-semibold">
              {tag}
            </h2>
            {operations.map((operation) => (
              <OperationCard
                key={`${operation.method} ${operation.path}`}
                baseUrl={baseUrl}
                operation={operation}
              />
            ))}
          </section>
        ))}
      </div>
    </>
  );
}
