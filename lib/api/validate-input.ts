import type { z } from "zod";
import { type InvalidField, validationProblem } from "./api-problem";

type Issue = z.core.$ZodIssue;

/** RFC 6901: "~" and "/" inside a key are escaped, and the pointer is a URI fragment. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  const tokens = path.map((key) => String(key).replaceAll("~", "~0").replaceAll("/", "~1"));
  return tokens.length === 0 ? "#" : `#/${tokens.join("/")}`;
}

/** Each unknown key becomes its own entry, so every offending field is named. */
function expandIssue(issue: Issue): { path: PropertyKey[]; detail: string }[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: [...issue.path, key], detail: "Unknown field" }));
  }
  return [{ path: [...issue.path], detail: issue.message }];
}

// A missing field reads better as "required" than as zod's "expected string, received undefined".
const requiredMessage: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" && issue.input === undefined ? "This field is required" : undefined;

/** Validates a JSON body; failures become 422 with one `{ pointer, detail }` per field. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const result = schema.safeParse(body, { error: requiredMessage });
  if (result.success) return result.data;
  const errors: InvalidField[] = result.error.issues
    .flatMap(expandIssue)
    .map(({ path, detail }) => ({ pointer: jsonPointer(path), detail }));
  throw validationProblem(errors);
}

/**
 * Validates query parameters; failures become 422 with one `{ parameter, detail }` per
 * parameter (a JSON Pointer would point into a body there is not). A parameter given twice
 * is refused rather than silently resolved to the first or last value.
 */
export function parseQuery<Schema extends z.ZodType>(
  schema: Schema,
  searchParams: URLSearchParams,
): z.output<Schema> {
  const values: Record<string, string> = {};
  const errors: InvalidField[] = [];
  for (const [name, value] of searchParams) {
    if (name in values) errors.push({ parameter: name, detail: "Give this parameter once" });
    values[name] = value;
  }
  const result = schema.safeParse(values);
  if (result.success && errors.length === 0) return result.data;
  for (const { path, detail } of result.error?.issues.flatMap(expandIssue) ?? []) {
    const parameter = String(path[0] ?? "");
    errors.push({ parameter, detail: detail === "Unknown field" ? "Unknown query parameter" : detail });
  }
  throw validationProblem(errors);
}
