import { isIP } from "node:net";
import { Agent, type Dispatcher } from "undici";
import { type AllowHosts, parseAllowHosts } from "./allow-hosts";
import { describeSeconds } from "./describe-limit";
import { buildGuardedConnector } from "./guarded-connector";
import { toOutboundError } from "./network-error";
import { OutboundError, type OutboundFailureKind } from "./outbound-error";
import { bareHostname, checkUrlShape } from "./outbound-url";
import { discardBody, readCappedBody } from "./read-capped-body";
import { redirectRefused } from "./redirect-refusal";
import { type ResolveHost, resolveWithin, systemResolveHost, vetResolvedAddresses } from "./resolve-host";

/**
 * The one way Latchkey calls another server. `checkUrl` is the save-time check of a URL an
 * administrator typed; `request` makes a call and checks everything again, at connect time,
 * in the connector (see guarded-connector.ts). Redirects are never followed.
 */
export interface OutboundClientOptions {
  /** Defaults to LATCHKEY_OUTBOUND_ALLOW_HOSTS. */
  allowHosts?: AllowHosts;
  /** Defaults to the system resolver (getaddrinfo). */
  resolveHost?: ResolveHost;
  /** DNS plus TCP plus TLS, per address tried. Default 5 s. */
  connectTimeoutMs?: number;
  /** Extra certificates to trust (tests). A private CA in production: NODE_EXTRA_CA_CERTS. */
  ca?: string | string[];
}

export interface OutboundRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** The whole call: connecting, the answer and its body. Default 15 s. */
  timeoutMs?: number;
  /** Larger answers are cut off with `too_large`. Default 1 MiB. */
  maxResponseBytes?: number;
}

export interface OutboundResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

export type OutboundUrlCheck =
  | {
      ok: true;
      /** The URL as parsed (normalised by the URL parser). */
      url: string;
      /** Listed in LATCHKEY_OUTBOUND_ALLOW_HOSTS, so its addresses were not checked. */
      allowListed: boolean;
      /** What the host resolved to at this check (empty for listed hosts). */
      addresses: string[];
    }
  | { ok: false; kind: OutboundFailureKind; message: string };

export interface OutboundClient {
  checkUrl(url: string): Promise<OutboundUrlCheck>;
  /** Resolves with any answer that is not a redirect; rejects with an OutboundError. */
  request(url: string, request?: OutboundRequest): Promise<OutboundResponse>;
  /** The guarded undici dispatcher, for libraries that take one; its connector still checks. */
  readonly dispatcher: Dispatcher;
  close(): Promise<void>;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const USER_AGENT = "Latchkey";

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

export function createOutboundClient(options: OutboundClientOptions = {}): OutboundClient {
  const allowHosts = options.allowHosts ?? parseAllowHosts(process.env.LATCHKEY_OUTBOUND_ALLOW_HOSTS);
  const resolveHost = options.resolveHost ?? systemResolveHost;
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const agent = new Agent({
    connect: buildGuardedConnector({ allowHosts, resolveHost, connectTimeoutMs, ca: options.ca }),
    keepAliveTimeout: 4_000,
  });

  async function checkUrl(text: string): Promise<OutboundUrlCheck> {
    const shape = checkUrlShape(text, allowHosts);
    if (!shape.ok) return { ok: false, kind: shape.kind, message: shape.message };
    const { url, allowListed } = shape;
    if (allowListed) return { ok: true, url: url.href, allowListed, addresses: [] };
    const hostname = bareHostname(url);
    if (isIP(hostname)) return { ok: true, url: url.href, allowListed, addresses: [hostname] };
    try {
      const addresses = await resolveWithin(resolveHost, hostname, connectTimeoutMs);
      vetResolvedAddresses(addresses);
      return { ok: true, url: url.href, allowListed, addresses };
    } catch (error) {
      const refusal = toOutboundError(error, {
        host: url.host,
        connectTimeoutMs,
        timeoutMs: connectTimeoutMs,
      });
      return { ok: false, kind: refusal.kind, message: refusal.message };
    }
  }

  async function request(text: string, call: OutboundRequest = {}): Promise<OutboundResponse> {
    const shape = checkUrlShape(text, allowHosts);
    if (!shape.ok) throw new OutboundError(shape.kind, shape.message);
    const { url } = shape;
    const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const context = { host: url.host, connectTimeoutMs, timeoutMs };
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new OutboundError(
            "timeout",
            `The host ${url.host} did not answer within ${describeSeconds(timeoutMs)}`,
          ),
        ),
      timeoutMs,
    );
    try {
      const response = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: call.method ?? "GET",
        headers: { "user-agent": USER_AGENT, ...call.headers },
        body: call.body,
        signal: controller.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      if (response.statusCode >= 300 && response.statusCode < 400) {
        discardBody(response.body);
        throw redirectRefused(response.statusCode, response.headers.location, url, allowHosts);
      }
      const maxBytes = call.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      const body = await readCappedBody(
        response.body,
        response.headers["content-length"],
        maxBytes,
        url.host,
      );
      return { status: response.statusCode, headers: toHeaders(response.headers), body };
    } catch (error) {
      throw toOutboundError(error, context);
    } finally {
      clearTimeout(timer);
    }
  }

  return { checkUrl, request, dispatcher: agent, close: () => agent.close() };
}

let defaultClient: OutboundClient | undefined;

/** The process's client, configured from the environment on first use. */
export function getOutboundClient(): OutboundClient {
  defaultClient ??= createOutboundClient();
  return defaultClient;
}

/** Save-time check of a URL: ok, or the specific reason Latchkey will not call it. */
export function checkOutboundUrl(url: string): Promise<OutboundUrlCheck> {
  return getOutboundClient().checkUrl(url);
}

/** A guarded call through the process's client. */
export function outboundRequest(url: string, request?: OutboundRequest): Promise<OutboundResponse> {
  return getOutboundClient().request(url, request);
}
