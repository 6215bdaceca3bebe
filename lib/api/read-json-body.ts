import { readBoundedBytes } from "@/lib/http/read-bounded-bytes";
import { contentTooLargeProblem, malformedJsonProblem, unsupportedMediaTypeProblem } from "./api-problem";

/** The default ceiling for a JSON body (evidence, which carries content, sets its own). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** `application/json`, optionally with `charset=utf-8` (RFC 8259 §8.1 allows nothing else). */
function isJsonMediaType(header: string | null): boolean {
  if (!header) return false;
  const [mediaType = "", ...parameters] = header.split(";").map((part) => part.trim().toLowerCase());
  if (mediaType !== "application/json") return false;
  return parameters.every((parameter) => {
    const [name, value] = parameter.split("=").map((part) => part.trim().replace(/^"|"$/g, ""));
    return name !== "charset" || value === "utf-8";
  });
}

/**
 * The parsed JSON body of a POST or PATCH: 415 for another media type, 413 above
 * `maxBytes`, 400 for bytes that are not UTF-8 JSON. What the JSON means is the schema's job.
 */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    throw unsupportedMediaTypeProblem(request.method);
  }
  const bytes = await readBoundedBytes(request, maxBytes, () => contentTooLargeProblem(maxBytes));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw malformedJsonProblem("The request body is not valid UTF-8.");
  }
  if (text.trim() === "") throw malformedJsonProblem("The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw malformedJsonProblem("The request body is not valid JSON.");
  }
}
