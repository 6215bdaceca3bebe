import {
  getOutboundClient,
  type OutboundClient,
  type OutboundResponse,
} from "@/lib/net/outbound/outbound-client";
import { OutboundError } from "@/lib/net/outbound/outbound-error";
import { AxoniusError } from "./axonius-error";
import { normalizeAxoniusHostUrl } from "./axonius-host-url";
import { parseRetryAfter } from "./retry-after";

/**
 * One call to the Axonius REST API through the guarded outbound client: every request sends
 * `api-key`, `api-secret` and `Accept: application/json`, and every answer other than a 200
 * with a JSON body becomes an AxoniusError of a precise kind. Nothing Axonius sends is quoted
 * in a message except a media type that is plainly one.
 */
export interface AxoniusCredentials {
  hostUrl: string;
  apiKey: string;
  apiSecret: string;
}

export interface AxoniusCallOptions {
  /** Defaults to the process's guarded client (LATCHKEY_OUTBOUND_ALLOW_HOSTS from the environment). */
  client?: OutboundClient;
  timeoutMs?: number;
  maxResponseBytes?: number;
}

interface AxoniusCall {
  method: "GET" | "POST";
  /** Below the host URL, starting `/api/`. */
  path: string;
  body?: unknown;
}

// Visible ASCII, no spaces: what Axonius issues, and nothing that could split a header.
const CREDENTIAL = /^[\x21-\x7e]{1,1024}$/;
const MEDIA_TYPE = /^[a-z\d!#$&^_.+-]{1,64}\/[a-z\d!#$&^_.+-]{1,64}$/;

function mediaType(response: OutboundResponse): string {
  return (response.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function isJsonMediaType(type: string): boolean {
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

function statusError(response: OutboundResponse): AxoniusError {
  const { status } = response;
  const details = { status };
  if (status === 401) {
    return new AxoniusError(
      "bad_credentials",
      "Axonius did not accept the API key and secret (401); check both values",
      details,
    );
  }
  if (status === 403) {
    return new AxoniusError(
      "missing_permission",
      "Axonius accepted the API key, but its user lacks the permission for this request (403)",
      details,
    );
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
    const when = retryAfterSeconds === undefined ? "later" : `in ${retryAfterSeconds} s`;
    return new AxoniusError("rate_limited", `Axonius is limiting requests (429); try again ${when}`, {
      status,
      retryAfterSeconds,
    });
  }
  if (status === 202) {
    return new AxoniusError(
      "not_ready",
      "Axonius is still preparing the answer (202); try again shortly",
      details,
    );
  }
  if (status === 404) {
    return new AxoniusError(
      "not_axonius",
      "The host has no Axonius API at this address (404); check the host URL",
      details,
    );
  }
  if (status >= 500)
    return new AxoniusError("server_error", `Axonius answered with a server error (${status})`, details);
  return new AxoniusError("http_status", `Axonius answered with an unexpected status (${status})`, details);
}

function parseJson(response: OutboundResponse): unknown {
  const type = mediaType(response);
  if (type === "text/html" || type === "application/xhtml+xml") {
    throw new AxoniusError(
      "not_axonius",
      "The host answered with a web page, not the Axonius API; check the host URL",
    );
  }
  if (!isJsonMediaType(type)) {
    const shown = MEDIA_TYPE.test(type) ? ` (${type})` : "";
    throw new AxoniusError(
      "not_axonius",
      `The host did not answer with JSON${shown}, so it is not the Axonius API`,
    );
  }
  try {
    return JSON.parse(response.body.toString("utf8"));
  } catch {
    throw new AxoniusError(
      "not_axonius",
      "The host's answer is not valid JSON, so it is not the Axonius API",
    );
  }
}

export async function callAxonius(
  credentials: AxoniusCredentials,
  call: AxoniusCall,
  options: AxoniusCallOptions = {},
): Promise<unknown> {
  const host = normalizeAxoniusHostUrl(credentials.hostUrl);
  if (!host.ok) throw new AxoniusError("invalid_host_url", host.message);
  if (!CREDENTIAL.test(credentials.apiKey) || !CREDENTIAL.test(credentials.apiSecret)) {
    throw new AxoniusError(
      "invalid_credentials",
      "The API key and client secret must each be given, as one line of visible characters without spaces",
    );
  }
  const headers: Record<string, string> = {
    "api-key": credentials.apiKey,
    "api-secret": credentials.apiSecret,
    accept: "application/json",
  };
  if (call.body !== undefined) headers["content-type"] = "application/json";
  const client = options.client ?? getOutboundClient();
  let response: OutboundResponse;
  try {
    response = await client.request(`${host.hostUrl}${call.path}`, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
    });
  } catch (error) {
    if (error instanceof OutboundError) throw new AxoniusError(error.kind, error.message);
    throw error;
  }
  if (response.status !== 200) throw statusError(response);
  return parseJson(response);
}
