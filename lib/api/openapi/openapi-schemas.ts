import { z } from "zod";
import { listQuerySchemaOf } from "../list-query";
import type { ResourceDefinition } from "../resource-definition";

export type JsonSchema = Record<string, unknown>;

/** Patterns zod adds beside a `format` repeat what the format says; they only bloat the document. */
function withoutRedundantPatterns(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutRedundantPatterns);
  if (!schema || typeof schema !== "object") return schema;
  const entries = Object.entries(schema).filter(
    ([key]) => !(key === "pattern" && "format" in schema) && key !== "$schema",
  );
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutRedundantPatterns(value)]));
}

/** The JSON Schema (2020-12, OpenAPI 3.1's dialect) of a request ("input") or response ("output"). */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return withoutRedundantPatterns(z.toJSONSchema(schema, { io, unrepresentable: "any" })) as JsonSchema;
}

/** "evidence" → "Evidence", "case" → "Case": component and operation names. */
export function pascalCase(text: string): string {
  return text.replace(/(^|_)([a-z])/g, (_match, _separator, letter: string) => letter.toUpperCase());
}

export function schemaRef(name: string) {
  return { $ref: `#/components/schemas/${name}` };
}

/** The list's query parameters, from the same zod schema the handler validates with. */
export function listParametersOf(definition: ResourceDefinition) {
  const schema = jsonSchemaOf(listQuerySchemaOf(definition), "input");
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: "query",
    required: false,
    ...(description ? { description } : {}),
    schema: property,
  }));
}

const invalidField = {
  type: "object",
  properties: {
    pointer: { type: "string", description: "JSON Pointer (RFC 6901) into the body, as a URI fragment." },
    parameter: { type: "string", description: "The query parameter, for list filters." },
    detail: { type: "string" },
  },
  required: ["detail"],
};

/** RFC 9457 problem details, with the members this API adds. */
export const problemSchema: JsonSchema = {
  type: "object",
  properties: {
    type: { type: "string", format: "uri-reference" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: { type: "array", items: invalidField, description: "Each invalid field (400/409/422)." },
    required_scope: { type: "string", description: "The scope a 403 lacked." },
    max_bytes: { type: "integer", description: "The body limit a 413 exceeded." },
    allowed_methods: { type: "array", items: { type: "string" } },
  },
  required: ["type", "title", "status"],
};

/** The components.schemas entries of one resource: item, list page, create and update bodies. */
export function resourceSchemasOf(definition: ResourceDefinition): Record<string, JsonSchema> {
  const name = pascalCase(definition.noun);
  return {
    [name]: jsonSchemaOf(definition.responseSchema, "output"),
    [`${name}List`]: {
      type: "object",
      properties: {
        data: { type: "array", items: schemaRef(name) },
        next_cursor: {
          type: ["string", "null"],
          description: "Pass as cursor to read the next page; null on the last page.",
        },
      },
      required: ["data", "next_cursor"],
      additionalProperties: false,
    },
    ...(definition.create ? { [`${name}Create`]: jsonSchemaOf(definition.create, "input") } : {}),
    ...(definition.update ? { [`${name}Update`]: jsonSchemaOf(definition.update, "input") } : {}),
  };
}
