import type { IncomingMessage, ServerResponse } from "node:http";
import { logFor } from "@/lib/log/logger";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_ADDRESS_PROOF_HEADER,
  FORWARDING_HEADERS,
  resolveClientAddress,
} from "@/lib/net/client-address";
import { serverClientAddressProof } from "@/lib/net/trusted-client-address";
import { refuseUnsafeConsolePost } from "./console-request-guard";
import { type DirectHandler, findDirectHandler } from "./direct-routes";
import { internalErrorResponse, RequestDeadlineError, unavailableResponseFor } from "./failure-responses";
import { sendWebResponse, toWebRequest } from "./node-bridge";

type NodeHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;
type TrustedProxies = Parameters<typeof resolveClientAddress>[2];

const log = logFor("server");

/** How long a machine endpoint may take before it is answered 503 (LATCHKEY_REQUEST_DEADLINE_MS). */
export function requestDeadlineMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LATCHKEY_REQUEST_DEADLINE_MS;
  if (raw === undefined || raw === "") return 30_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100 || value > 600_000) {
    throw new Error(`LATCHKEY_REQUEST_DEADLINE_MS must be a whole number from 100 to 600000, got "${raw}"`);
  }
  return value;
}

/**
 * The handler's response, or RequestDeadlineError once `deadlineMs` have passed: every query
 * has its own deadline (lib/db/bounded-sql.ts), and this bounds the whole request besides,
 * so that nothing a handler waits on can leave a caller without an answer.
 */
function withinDeadline(work: Promise<Response>, deadlineMs: number): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RequestDeadlineError(deadlineMs)), deadlineMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

async function runDirect(
  direct: DirectHandler,
  request: IncomingMessage,
  response: ServerResponse,
  options: { origin: string; clientAddress: string; deadlineMs: number; pathname: string },
): Promise<void> {
  const method = request.method ?? "GET";
  let webResponse: Response;
  try {
    const work = Promise.resolve().then(() =>
      direct(toWebRequest(request, options.origin), options.clientAddress),
    );
    // An answer that comes after the deadline has nowhere to go.
    work.catch(() => {});
    webResponse = await withinDeadline(work, options.deadlineMs);
  } catch (error) {
    const unavailable = unavailableResponseFor(error, options.pathname);
    if (!unavailable) log.error({ err: error, method, path: options.pathname }, "unhandled error");
    webResponse = unavailable ?? internalErrorResponse();
  }
  if (response.destroyed) return;
  if (response.headersSent) {
    if (!response.writableEnded) response.destroy();
    return;
  }
  try {
    await sendWebResponse(webResponse, response, method);
  } catch (error) {
    log.error({ err: error, method, path: options.pathname }, "could not send the response");
    response.destroy();
  }
}

/**
 * Node keeps only the first of several Authorization headers; joined with a comma (as RFC 9110
 * §5.3 combines repeated fields), a request carrying two is seen as malformed and refused,
 * rather than answered for whichever came first.
 */
function joinRepeatedAuthorization(request: IncomingMessage): void {
  const values: string[] = [];
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    if (request.rawHeaders[index]?.toLowerCase() === "authorization")
      values.push(request.rawHeaders[index + 1] ?? "");
  }
  if (values.length > 1) request.headers.authorization = values.join(", ");
}

/**
 * The server's one request listener. It decides the client address once — the TCP peer, or
 * the right-most untrusted X-Forwarded-For hop behind a trusted proxy — and replaces every
 * forwarding header a client sent, so console pages, audit, rate limits and allow-lists all
 * read that one value (Next's side believes it only with the server's proof attached).
 * Machine endpoints go straight to their handlers, each answered within the request deadline
 * (503 otherwise, and for database trouble); the rest go to Next.
 */
export function createRequestListener(options: {
  next: NodeHandler;
  trustedProxies: TrustedProxies;
  origin: string;
  deadlineMs?: number;
}) {
  const deadlineMs = options.deadlineMs ?? requestDeadlineMs();
  return (request: IncomingMessage, response: ServerResponse): void => {
    const forwardedFor = request.headers["x-forwarded-for"];
    const clientAddress = resolveClientAddress(
      request.socket.remoteAddress,
      Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
      options.trustedProxies,
    );
    for (const header of FORWARDING_HEADERS) delete request.headers[header];
    joinRepeatedAuthorization(request);
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress;
    request.headers[CLIENT_ADDRESS_PROOF_HEADER] = serverClientAddressProof();
    request.headers["x-forwarded-for"] = clientAddress;

    const pathname = (request.url ?? "/").split("?", 1)[0] ?? "/";
    const direct = findDirectHandler(pathname);
    if (!direct) {
      if (refuseUnsafeConsolePost(request, response, options.origin)) return;
      void options.next(request, response);
      return;
    }
    void runDirect(direct, request, response, {
      origin: options.origin,
      clientAddress,
      deadlineMs,
      pathname,
    });
  };
}
