import {
  endpointsOf,
  OPERATION_LABELS,
  operationNote,
  RESOURCES,
  scopeOf,
} from "@/lib/permissions/catalogue";
import { RESOURCE_DEFINITIONS } from "../resources";
import { operationObjectOf } from "./openapi-operations";
import { type JsonSchema, problemSchema, resourceSchemasOf, schemaRef } from "./openapi-schemas";
import { authenticationDescription, securitySchemesOf } from "./openapi-security";

const CONVENTIONS = `Each operation requires exactly one scope, named in its security requirement. Lists are paged
with \`limit\` (1–100, default 25) and the opaque \`cursor\` of the previous page's \`next_cursor\`.
Every caller may make a number of requests per minute (its client's own setting, or the installation's
default); responses carry \`RateLimit-Policy\` and \`RateLimit\`, and beyond it 429 with \`Retry-After\`.
Errors are RFC 9457 problem details: 400 malformed JSON or credentials, 401 missing or invalid credentials,
403 missing scope (\`WWW-Authenticate: Bearer error="insufficient_scope"\`), 404 unknown path or ID
(another organization's IDs included), 405 wrong method (with \`Allow\`), 409 a unique value in
use, 413 body too large, 415 body not application/json, 422 invalid fields or query parameters,
429 too many failed attempts or requests.`;

/** The scopes the token endpoint grants, described for the OAuth flow. */
function scopeDescriptions(): Record<string, string> {
  return Object.fromEntries(
    RESOURCES.flatMap((resource) =>
      resource.operations.map((operation) => {
        const note = operationNote(resource.key, operation);
        const text = `${OPERATION_LABELS[operation]} ${resource.label}${note ? ` (${note.toLowerCase()})` : ""}`;
        return [scopeOf(resource.key, operation), text];
      }),
    ),
  );
}

function problemResponse(description: string, headers: Record<string, unknown> = {}) {
  return {
    description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: { "application/problem+json": { schema: schemaRef("Problem") } },
  };
}

const ERROR_RESPONSES = {
  BadRequest: problemResponse("The body is not valid UTF-8 JSON."),
  Unauthorized: problemResponse("Missing, malformed, expired or revoked credentials.", {
    "WWW-Authenticate": { schema: { type: "string" }, description: 'Bearer error="invalid_token"' },
  }),
  Forbidden: problemResponse("The credentials lack the operation's scope (named in required_scope).", {
    "WWW-Authenticate": {
      schema: { type: "string" },
      description: 'Bearer error="insufficient_scope", scope="…"',
    },
  }),
  NotFound: problemResponse("No such item in the caller's organization."),
  Conflict: problemResponse("A unique field's value is already in use (named in errors)."),
  ContentTooLarge: problemResponse("The body is larger than the operation allows."),
  UnsupportedMediaType: problemResponse("The body is not application/json."),
  UnprocessableContent: problemResponse("Invalid fields or parameters, each named in errors."),
  InternalError: problemResponse("The request could not be completed."),
};

/** Paths, operations and schemas, each derived from the catalogue and the resource definitions. */
function pathsAndSchemas() {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = { Problem: problemSchema };
  for (const resource of RESOURCES) {
    const definition = RESOURCE_DEFINITIONS[resource.key];
    Object.assign(schemas, resourceSchemasOf(definition));
    for (const operation of resource.operations) {
      for (const endpoint of endpointsOf(resource.key, operation)) {
        const pathItem = paths[endpoint.path] ?? {};
        pathItem[endpoint.method.toLowerCase()] = operationObjectOf(
          resource,
          operation,
          endpoint,
          definition,
        );
        paths[endpoint.path] = pathItem;
      }
    }
  }
  return { paths, schemas };
}

/** The OpenAPI 3.1 document of the resource APIs, served at GET /api/v1/openapi.json. */
export function buildOpenApiDocument(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, "");
  const { paths, schemas } = pathsAndSchemas();
  return {
    openapi: "3.1.0",
    info: {
      title: "Latchkey API",
      version: "1.0.0",
      description: `${authenticationDescription()}\n\n${CONVENTIONS}`,
    },
    servers: [{ url: base }],
    tags: RESOURCES.map((resource) => ({ name: resource.label, description: resource.description })),
    paths,
    components: {
      schemas,
      responses: ERROR_RESPONSES,
      securitySchemes: securitySchemesOf(base, scopeDescriptions()),
    },
  };
}
