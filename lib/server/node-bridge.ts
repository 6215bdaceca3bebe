import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/** A web Request for a Node request, its body streamed (handlers bound what they read). */
export function toWebRequest(incoming: IncomingMessage, origin: string): Request {
  // From the parsed headers, which the server has already cleaned of forwarding claims.
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`${origin}${incoming.url ?? "/"}`, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

/**
 * Writes a web Response to a Node response. Bodies of the machine endpoints are bounded
 * (JSON pages, evidence of at most 10 MiB), so they are sent whole with their length: one
 * write instead of a stream of chunks.
 */
export async function sendWebResponse(
  response: Response,
  outgoing: ServerResponse,
  method: string,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (body && !headers["content-length"]) headers["content-length"] = String(body.length);
  outgoing.writeHead(response.status, headers);
  outgoing.end(method === "HEAD" ? undefined : body);
}
