import { problemResponse } from "@/lib/http/problem";
import type { Scope } from "@/lib/permissions/catalogue";

/** One invalid input: a JSON Pointer into the body, or the name of a query parameter. */
export type InvalidField = { pointer: string; detail: string } | { parameter: string; detail: string };

/**
 * An RFC 9457 problem raised anywhere below the router; the router turns it into the
 * response, so a handler can stop at the first problem without threading results back.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  toResponse(): Response {
    return problemResponse(this.status, this.title, this.detail, this.extra, this.headers);
  }
}

/** The same answer for an unknown, malformed or another organization's ID. */
export function notFoundProblem(noun = "resource"): ApiProblem {
  return new ApiProblem(404, "Not Found", `No ${noun.replaceAll("_", " ")} with this ID exists.`);
}

export function unknownPathProblem(): ApiProblem {
  return new ApiProblem(404, "Not Found", "There is no API resource at this path.");
}

export function methodNotAllowedProblem(method: string, allowed: readonly string[]): ApiProblem {
  const allow = allowed.join(", ");
  return new ApiProblem(
    405,
    "Method Not Allowed",
    `${method} is not supported here; use ${allow}.`,
    { allowed_methods: allowed },
    { allow },
  );
}

/** RFC 6750 §3.1: the token is fine but lacks the scope this operation needs. */
export function insufficientScopeProblem(scope: Scope): ApiProblem {
  return new ApiProblem(
    403,
    "Forbidden",
    `This operation requires the scope ${scope}.`,
    { required_scope: scope },
    { "www-authenticate": `Bearer error="insufficient_scope", scope="${scope}"` },
  );
}

export function validationProblem(errors: InvalidField[]): ApiProblem {
  const count = errors.length === 1 ? "1 invalid field" : `${errors.length} invalid fields`;
  return new ApiProblem(422, "Unprocessable Content", `The request has ${count}.`, { errors });
}

export function conflictProblem(errors: InvalidField[]): ApiProblem {
  return new ApiProblem(409, "Conflict", "A unique value is already in use.", { errors });
}

export function malformedJsonProblem(detail: string): ApiProblem {
  return new ApiProblem(400, "Bad Request", detail);
}

export function contentTooLargeProblem(maxBytes: number): ApiProblem {
  return new ApiProblem(413, "Content Too Large", `The request body must be at most ${maxBytes} bytes.`, {
    max_bytes: maxBytes,
  });
}

export function unsupportedMediaTypeProblem(method: string): ApiProblem {
  // RFC 9110 §15.5.16 and RFC 5789 §3.1: say which media type would have been accepted.
  const acceptHeader = method === "PATCH" ? "accept-patch" : "accept-post";
  return new ApiProblem(
    415,
    "Unsupported Media Type",
    "Send the request body as application/json (UTF-8).",
    {},
    { [acceptHeader]: "application/json" },
  );
}

export function internalErrorProblem(): ApiProblem {
  return new ApiProblem(500, "Internal Server Error", "The request could not be completed.");
}
