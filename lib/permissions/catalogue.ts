/**
 * The permission catalogue: the single source of truth for what the API exposes.
 * The permission grid, zod schemas, OAuth scopes, route guards, the OpenAPI document and
 * the "Access and authorization" page are all derived from this module.
 */

export const OPERATIONS = ["read", "create", "update", "delete", "download"] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OPERATION_LABELS: Record<Operation, string> = {
  read: "Read",
  create: "Create",
  update: "Update",
  delete: "Delete",
  download: "Download",
};

type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface Endpoint {
  method: HttpMethod;
  path: string;
}

interface ResourceDefinition {
  key: string;
  label: string;
  description: string;
  operations: readonly Operation[];
  /** How an operation reads for this resource, where it differs from the generic label. */
  operationNotes?: Partial<Record<Operation, string>>;
  /** Its URI segment under /api/v1, where that differs from the key (keys are scope names). */
  path?: string;
}

export const RESOURCES = [
  {
    key: "users",
    label: "Users",
    description: "People in the organization: console and data users.",
    operations: ["read", "create", "update", "delete"],
    operationNotes: { delete: "Deactivates the user" },
  },
  {
    key: "groups",
    label: "Groups",
    description: "Named groups of users and their members.",
    operations: ["read", "create", "update", "delete"],
  },
  {
    key: "cases",
    label: "Cases",
    description: "Cases with their number, title, status and dates.",
    operations: ["read", "create", "update", "delete"],
  },
  {
    key: "evidence",
    label: "Evidence",
    description: "Evidence items, their metadata and stored content.",
    operations: ["read", "create", "update", "delete", "download"],
  },
  {
    key: "devices",
    label: "Devices",
    description: "Devices such as cameras, their assignment and status.",
    operations: ["read", "create", "update", "delete"],
  },
  {
    key: "reports",
    label: "Reports",
    description: "Generated reports and their results.",
    operations: ["read", "create", "delete"],
    operationNotes: { create: "Generates a report" },
  },
  {
    key: "categories",
    label: "Category Management",
    description: "Evidence categories and their retention periods.",
    operations: ["read", "create", "update", "delete"],
  },
  {
    key: "audit_events",
    label: "Audit Events",
    description:
      "Administrative changes and security events: who did what, when, from where, and how it ended.",
    operations: ["read"],
    path: "audit-events",
  },
] as const satisfies readonly ResourceDefinition[];

export type ResourceKey = (typeof RESOURCES)[number]["key"];
export type Resource = (typeof RESOURCES)[number];

export const RESOURCE_KEYS = RESOURCES.map((resource) => resource.key) as ResourceKey[];

/** The OAuth scope string of one operation, e.g. `cases:read`. */
export type Scope = `${ResourceKey}:${Operation}`;

export function scopeOf(resource: ResourceKey, operation: Operation): Scope {
  return `${resource}:${operation}`;
}

export function findResource(key: string): Resource | undefined {
  return RESOURCES.find((resource) => resource.key === key);
}

export function supportsOperation(resource: ResourceKey, operation: Operation): boolean {
  return (
    (findResource(resource)?.operations as readonly Operation[] | undefined)?.includes(operation) ?? false
  );
}

/** Every scope the catalogue defines, in catalogue order. */
export const ALL_SCOPES: Scope[] = RESOURCES.flatMap((resource) =>
  resource.operations.map((operation) => scopeOf(resource.key, operation)),
);

export function isScope(value: string): value is Scope {
  return (ALL_SCOPES as string[]).includes(value);
}

/** The resource's URI segment under /api/v1: its key, unless it names another. */
export function resourcePath(resource: ResourceKey): string {
  return (findResource(resource) as ResourceDefinition | undefined)?.path ?? resource;
}

/** The HTTP methods and URIs that one operation enables. */
export function endpointsOf(resource: ResourceKey, operation: Operation): Endpoint[] {
  const collection = `/api/v1/${resourcePath(resource)}`;
  const item = `${collection}/{id}`;
  switch (operation) {
    case "read":
      return [
        { method: "GET", path: collection },
        { method: "GET", path: item },
      ];
    case "create":
      return [{ method: "POST", path: collection }];
    case "update":
      return [{ method: "PATCH", path: item }];
    case "delete":
      return [{ method: "DELETE", path: item }];
    case "download":
      return [{ method: "GET", path: `${item}/content` }];
  }
}

/** How an operation reads for one resource, where it differs from the generic label. */
export function operationNote(resource: ResourceKey, operation: Operation): string | undefined {
  const notes: ResourceDefinition["operationNotes"] = (
    findResource(resource) as ResourceDefinition | undefined
  )?.operationNotes;
  return notes?.[operation];
}
