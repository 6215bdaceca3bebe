import { eq, sql } from "drizzle-orm";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { routeResourceRequest } from "@/lib/api/resource-router";
import { RESOURCE_DEFINITIONS } from "@/lib/api/resources";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import {
  ALL_SCOPES,
  RESOURCE_KEYS,
  type ResourceKey,
  type Scope,
  supportsOperation,
} from "@/lib/permissions/catalogue";
import { createTestOrganization } from "@/lib/testing/factories";

/** Helpers shared by the resource API tests (not a test itself). */

export async function createApiTestTenant() {
  const tenant = await createTestOrganization();
  return { ...tenant, organizationId: tenant.organization.id };
}

export function callerFor(organizationId: string, scopes: readonly Scope[] = ALL_SCOPES): ApiCaller {
  return {
    organizationId,
    scopes,
    credential: "access_token",
    clientId: "lkc_test",
    userId: null,
    tokenId: "t1",
    label: "test client",
    ip: "192.0.2.1",
    requestsPerMinute: null,
  };
}

export interface ApiResult {
  response: Response;
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back
  body: any;
}

interface CallOptions {
  /** A value to send as JSON, or a string/stream sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The Content-Type sent with a body: JSON unless given; null sends none. */
  contentType?: string | null;
}

/** Calls the router as the route adapter does: `target` is the path and query under /api/v1. */
export async function callApi(
  caller: ApiCaller,
  method: string,
  target: string,
  options: CallOptions = {},
): Promise<ApiResult> {
  const url = new URL(`http://localhost/api/v1/${target.replace(/^\//, "")}`);
  const path = url.pathname.slice("/api/v1/".length).split("/");
  const raw = typeof options.body === "string" || options.body instanceof ReadableStream;
  const init: RequestInit & { duplex?: "half" } = {
    method,
    headers: { ...options.headers },
  };
  if (options.body !== undefined) {
    init.body = raw ? (options.body as BodyInit) : JSON.stringify(options.body);
    const contentType = options.contentType === undefined ? "application/json" : options.contentType;
    if (contentType !== null) init.headers = { "content-type": contentType, ...options.headers };
  }
  if (options.body instanceof ReadableStream) init.duplex = "half";
  const response = await routeResourceRequest(new Request(url, init), caller, path);
  const type = response.headers.get("content-type") ?? "";
  const body = type.includes("json") && method !== "HEAD" ? await response.clone().json() : null;
  return { response, status: response.status, body };
}

export async function auditEventsOf(organizationId: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(eq(auditEvents.organizationId, organizationId));
}

/** A valid create body per resource; `tag` keeps unique fields unique. */
export function createBodies(tag: string, refs: { roleId: string }) {
  return {
    users: { name: `Dana ${tag}`, email: `dana-${tag}@example.test`, role_id: refs.roleId },
    groups: { name: `Group ${tag}`, description: "Night shift" },
    cases: { number: `DA-${tag}`, title: `Case ${tag}` },
    evidence: {
      title: `Photo ${tag}.jpg`,
      content_type: "image/jpeg",
      content: Buffer.from(`bytes of ${tag}`).toString("base64"),
      captured_at: "2026-03-01T10:00:00Z",
    },
    devices: { serial: `SN-${tag}`, model: "Body 4", type: "body_camera" },
    reports: { kind: "device_status" },
    categories: { name: `Category ${tag}`, retention_days: 30 },
  } as const;
}

/** The resources the API creates items of (audit events are read-only): the generic write tests cover each. */
export type WritableResourceKey = keyof ReturnType<typeof createBodies>;

export const WRITABLE_RESOURCE_KEYS = RESOURCE_KEYS.filter((key) =>
  supportsOperation(key, "create"),
) as WritableResourceKey[];

/** How many rows of a resource the organization has. */
export async function countRows(key: ResourceKey, organizationId: string): Promise<number> {
  const db = await getDb();
  const { table } = RESOURCE_DEFINITIONS[key];
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(table)
    .where(eq(table.organizationId, organizationId));
  return row?.total ?? 0;
}

/** POSTs a body that must be accepted and returns the created item. */
export async function createItem(caller: ApiCaller, key: ResourceKey, body: Record<string, unknown>) {
  const result = await callApi(caller, "POST", key, { body });
  if (result.status !== 201) throw new Error(`POST ${key}: ${result.status} ${JSON.stringify(result.body)}`);
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back
  return result.body as { id: string } & Record<string, any>;
}
