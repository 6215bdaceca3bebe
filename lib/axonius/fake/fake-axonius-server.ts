import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { fakeDevice, selectFields } from "./fake-devices";
import { type DevicesRequest, isObject, parseDevicesRequest } from "./fake-devices-request";
import {
  type FakeAxoniusEndpoint,
  type FakeAxoniusFault,
  type FakeAxoniusFaultRule,
  FaultSchedule,
  parseFaultRule,
} from "./fake-faults";

/**
 * A fake Axonius for development and tests, serving the part of the REST API Latchkey calls
 * (DESIGN.md): `GET /api/settings/meta/about` and `POST /api/devices` with cursor paging over
 * generated devices, behind `api-key`/`api-secret`, on loopback only. Faults (401, 403,
 * 429 + Retry-After, 202, 5xx, slow answers, web pages, non-JSON) are set at start or while
 * it runs through `PUT /__fake/faults`. The `filter` of a devices request is accepted and not
 * applied: every device is returned.
 *
 * Control endpoints (no credentials; loopback only):
 * - `PUT /__fake/faults` `{"faults":["devices:429*1"]}` replaces the faults; `[]` clears them;
 * - `PUT /__fake/devices` `{"count":120}` changes how many devices exist upstream;
 * - `GET /__fake/requests` lists the requests served (method, path, status; no header values).
 *
 * `pagings` lists every paging started (a devices request without a cursor) with its filter,
 * so a test can count how many times each flow read the instance.
 */
export interface FakeAxoniusOptions {
  apiKey?: string;
  apiSecret?: string;
  deviceCount?: number;
  /** Reported as "Version" by the about endpoint. */
  version?: string;
  faults?: readonly (FakeAxoniusFaultRule | string)[];
  duplicateSerialEvery?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Serve https with this key and certificate (see fake-tls-certificate.ts). */
  tls?: { key: string; cert: string };
}

export interface FakeAxoniusRequestRecord {
  method: string;
  path: string;
  status: number;
}

export interface FakeAxoniusPaging {
  cursorId: string;
  filter: string | null;
}

export interface FakeAxonius {
  /** `http://127.0.0.1:<port>` (or https). */
  url: string;
  port: number;
  /** `127.0.0.1:<port>`, the LATCHKEY_OUTBOUND_ALLOW_HOSTS entry for `url`. */
  hostPort: string;
  apiKey: string;
  apiSecret: string;
  readonly requests: readonly FakeAxoniusRequestRecord[];
  readonly pagings: readonly FakeAxoniusPaging[];
  setFaults(faults: readonly (FakeAxoniusFaultRule | string)[]): void;
  setDeviceCount(count: number): void;
  close(): Promise<void>;
}

export const DEFAULT_FAKE_API_KEY = "fake-axonius-api-key";
export const DEFAULT_FAKE_API_SECRET = "fake-axonius-api-secret";
const MAX_BODY_BYTES = 1024 * 1024;

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}

function apiError(status: number, title: string, detail?: string): Reply {
  return json(status, { errors: [{ status: String(status), title, ...(detail ? { detail } : {}) }] });
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function faultReply(fault: FakeAxoniusFault): Reply | null {
  switch (fault.kind) {
    case "status":
      return fault.status === 202
        ? json(202, { meta: { status: "processing" } })
        : apiError(fault.status, http.STATUS_CODES[fault.status] ?? "Error");
    case "rate_limited":
      return {
        ...apiError(429, "Too Many Requests"),
        headers: { "content-type": "application/json", "retry-after": String(fault.retryAfterSeconds) },
      };
    case "html":
      return {
        status: 200,
        headers: { "content-type": "text/html" },
        body: "<!doctype html><title>Sign in</title><p>Not the API</p>",
      };
    case "not_json":
      return { status: 200, headers: { "content-type": "text/plain" }, body: "OK" };
    case "bad_json":
      return { status: 200, headers: { "content-type": "application/json" }, body: "{not json" };
    case "wrong_shape":
      return json(200, ["not", "an", "object"]);
    case "slow":
      return null;
  }
}

function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    request.on("error", () => resolve(null));
  });
}

export async function startFakeAxonius(options: FakeAxoniusOptions = {}): Promise<FakeAxonius> {
  const apiKey = options.apiKey ?? DEFAULT_FAKE_API_KEY;
  const apiSecret = options.apiSecret ?? DEFAULT_FAKE_API_SECRET;
  const version = options.version ?? "6.1.2";
  let deviceCount = options.deviceCount ?? 250;
  const faults = new FaultSchedule();
  const toRules = (list: readonly (FakeAxoniusFaultRule | string)[]) =>
    list.map((rule) => (typeof rule === "string" ? parseFaultRule(rule) : rule));
  faults.set(toRules(options.faults ?? []));
  const cursors = new Map<string, number>();
  const requests: FakeAxoniusRequestRecord[] = [];
  const pagings: FakeAxoniusPaging[] = [];

  function devicesPage(request: DevicesRequest): Reply {
    let cursorId = request.cursorId;
    if (cursorId === undefined) {
      cursorId = randomBytes(12).toString("hex");
      cursors.set(cursorId, 0);
      pagings.push({ cursorId, filter: request.filter ?? null });
    }
    const offset = cursors.get(cursorId);
    if (offset === undefined) return apiError(400, "Bad Request", "Unknown or expired cursor_id");
    const end = Math.min(offset + request.limit, deviceCount);
    const data = [];
    for (let index = offset; index < end; index += 1) {
      data.push(selectFields(fakeDevice(index, options), request.fields));
    }
    if (data.length === 0) cursors.delete(cursorId);
    else cursors.set(cursorId, end);
    return json(200, {
      data,
      meta: { cursor: cursorId, page: { size: data.length, totalResources: deviceCount } },
    });
  }

  async function control(request: http.IncomingMessage, path: string): Promise<Reply> {
    if (request.method === "GET" && path === "/__fake/requests") return json(200, { requests });
    if (request.method !== "PUT") return apiError(405, "Method Not Allowed");
    const text = await readBody(request);
    let body: unknown;
    try {
      body = JSON.parse(text ?? "");
    } catch {
      return apiError(400, "Bad Request", "The body is not JSON");
    }
    try {
      if (path === "/__fake/faults" && isObject(body) && Array.isArray(body.faults)) {
        faults.set(toRules(body.faults.map(String)));
        return json(200, { faults: body.faults });
      }
    } catch (error) {
      return apiError(400, "Bad Request", (error as Error).message);
    }
    if (
      path === "/__fake/devices" &&
      isObject(body) &&
      Number.isInteger(body.count) &&
      Number(body.count) >= 0
    ) {
      deviceCount = Number(body.count);
      return json(200, { count: deviceCount });
    }
    return apiError(400, "Bad Request", 'Expected {"faults":[…]} or {"count":N}');
  }

  async function api(request: http.IncomingMessage, endpoint: FakeAxoniusEndpoint): Promise<Reply> {
    if (
      !sameSecret(request.headers["api-key"], apiKey) ||
      !sameSecret(request.headers["api-secret"], apiSecret)
    ) {
      return apiError(401, "Unauthorized", "Invalid API key or secret");
    }
    const fault = faults.take(endpoint);
    if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const faulty = fault ? faultReply(fault) : null;
    if (faulty) return faulty;
    if (endpoint === "about") {
      return json(200, {
        "Build Date": "2026-11-02T09:30:00Z",
        "Customer ID": "fake-axonius",
        Version: version,
      });
    }
    const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim();
    if (type !== "application/json" && type !== "application/vnd.api+json") {
      return apiError(415, "Unsupported Media Type", "Send application/json");
    }
    const text = await readBody(request);
    if (text === null) return apiError(413, "Payload Too Large");
    const parsed = parseDevicesRequest(text);
    return typeof parsed === "string" ? apiError(400, "Bad Request", parsed) : devicesPage(parsed);
  }

  async function route(request: http.IncomingMessage): Promise<Reply> {
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    if (path.startsWith("/__fake/")) return control(request, path);
    if (path === "/api/settings/meta/about") {
      return request.method === "GET" ? api(request, "about") : apiError(405, "Method Not Allowed");
    }
    if (path === "/api/devices") {
      return request.method === "POST" ? api(request, "devices") : apiError(405, "Method Not Allowed");
    }
    return apiError(404, "Not Found");
  }

  const listener: http.RequestListener = (request, response) => {
    route(request).then(
      (reply) => {
        requests.push({ method: request.method ?? "", path: request.url ?? "", status: reply.status });
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
      },
      () => {
        response.writeHead(500);
        response.end();
      },
    );
  };
  const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    port,
    hostPort: `127.0.0.1:${port}`,
    apiKey,
    apiSecret,
    requests,
    pagings,
    setFaults: (list) => faults.set(toRules(list)),
    setDeviceCount: (count) => {
      deviceCount = count;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
