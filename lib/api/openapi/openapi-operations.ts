import {
  type Endpoint,
  OPERATION_LABELS,
  type Operation,
  operationNote,
  type Resource,
  scopeOf,
} from "@/lib/permissions/catalogue";
import { DEFAULT_MAX_BODY_BYTES } from "../read-json-body";
import type { ResourceDefinition } from "../resource-definition";
import { listParametersOf, pascalCase, schemaRef } from "./openapi-schemas";
import { securityRequirementsOf } from "./openapi-security";

/** The shared error responses (components.responses) each kind of operation can give. */
const ERRORS_BY_KIND = {
  list: ["Unauthorized", "Forbidden", "UnprocessableContent"],
  get: ["Unauthorized", "Forbidden", "NotFound"],
  create: [
    "BadRequest",
    "Unauthorized",
    "Forbidden",
    "Conflict",
    "ContentTooLarge",
    "UnsupportedMediaType",
    "UnprocessableContent",
  ],
  update: [
    "BadRequest",
    "Unauthorized",
    "Forbidden",
    "NotFound",
    "Conflict",
    "ContentTooLarge",
    "UnsupportedMediaType",
    "UnprocessableContent",
  ],
  delete: ["Unauthorized", "Forbidden", "NotFound"],
  download: ["Unauthorized", "Forbidden", "NotFound"],
} as const;

type OperationKind = keyof typeof ERRORS_BY_KIND;

const ERROR_STATUS: Record<string, string> = {
  BadRequest: "400",
  Unauthorized: "401",
  Forbidden: "403",
  NotFound: "404",
  Conflict: "409",
  ContentTooLarge: "413",
  UnsupportedMediaType: "415",
  UnprocessableContent: "422",
};

function kindOf(operation: Operation, endpoint: Endpoint): OperationKind {
  if (operation === "read") return endpoint.path.endsWith("{id}") ? "get" : "list";
  return operation;
}

const idParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The item's ID. An ID of another organization is answered like an unknown one (404).",
  schema: { type: "string", format: "uuid" },
};

function jsonBody(schemaName: string) {
  return { content: { "application/json": { schema: schemaRef(schemaName) } } };
}

function successResponses(kind: OperationKind, name: string): Record<string, unknown> {
  switch (kind) {
    case "list":
      return { "200": { description: "One page of items.", ...jsonBody(`${name}List`) } };
    case "get":
      return { "200": { description: "The item.", ...jsonBody(name) } };
    case "create":
      return {
        "201": {
          description: "Created.",
          headers: { Location: { description: "The new item's URL.", schema: { type: "string" } } },
          ...jsonBody(name),
        },
      };
    case "update":
      return { "200": { description: "The item after the change.", ...jsonBody(name) } };
    case "delete":
      return {
        "204": { description: "Done. Deleting again answers 404 (users: 204, deactivation is idempotent)." },
      };
    case "download":
      return {
        "200": {
          description: "The stored content, as an attachment, with the media type it was stored with.",
          headers: {
            ETag: { description: "The quoted hex SHA-256 of the content.", schema: { type: "string" } },
            "Content-Disposition": { schema: { type: "string" } },
            "Content-Length": { schema: { type: "integer" } },
          },
          content: { "*/*": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
        },
        "304": { description: "If-None-Match matched the ETag: the content is unchanged." },
      };
  }
}

function summaryOf(resource: Resource, operation: Operation, kind: OperationKind, noun: string): string {
  const note = operationNote(resource.key, operation);
  if (note) return `${note} (${resource.label})`;
  if (kind === "list") return `List ${resource.label.toLowerCase()}`;
  if (kind === "get") return `Get one ${noun.replaceAll("_", " ")}`;
  if (kind === "download") return `Download ${noun} content`;
  return `${OPERATION_LABELS[operation]} ${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

function operationIdOf(kind: OperationKind, resource: Resource, noun: string): string {
  if (kind === "list") return `list${pascalCase(resource.key)}`;
  if (kind === "download") return `download${noun}Content`;
  return `${kind}${noun}`;
}

/** The OpenAPI operation object of one catalogue endpoint. */
export function operationObjectOf(
  resource: Resource,
  operation: Operation,
  endpoint: Endpoint,
  definition: ResourceDefinition,
) {
  const kind = kindOf(operation, endpoint);
  const name = pascalCase(definition.noun);
  const scope = scopeOf(resource.key, operation);
  const maxBytes = definition.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const hasBody = kind === "create" || kind === "update";
  const errors = Object.fromEntries(
    ERRORS_BY_KIND[kind].map((error) => [ERROR_STATUS[error], { $ref: `#/components/responses/${error}` }]),
  );
  return {
    operationId: operationIdOf(kind, resource, name),
    summary: summaryOf(resource, operation, kind, definition.noun),
    description: `Requires the scope \`${scope}\`.${hasBody ? ` JSON body of at most ${maxBytes / 1024 / 1024} MiB.` : ""}`,
    tags: [resource.label],
    security: securityRequirementsOf(scope),
    "x-required-scope": scope,
    ...(kind === "list" ? { parameters: listParametersOf(definition) } : {}),
    ...(kind === "list" || kind === "create" ? {} : { parameters: [idParameter] }),
    ...(hasBody
      ? { requestBody: { required: true, ...jsonBody(`${name}${kind === "create" ? "Create" : "Update"}`) } }
      : {}),
    responses: {
      ...successResponses(kind, name),
      ...errors,
      "500": { $ref: "#/components/responses/InternalError" },
    },
  };
}
