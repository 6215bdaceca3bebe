import type { IncomingMessage, ServerResponse } from "node:http";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_ADDRESS_PROOF_HEADER,
  FORWARDING_HEADERS,
  resolveClientAddress,
} from "@/lib/net/client-address";
import { serverClientAddressProof } from "@/lib/net/trusted-client-address";
import { refuseUnsafeConsolePost } from "./console-request-guard";
import { findDirectHandler } from "./direct-routes";
import { sendWebResponse, toWebRequest } from "./node-bridge";

type NodeHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;
type TrustedProxies = Parameters<typeof resolveClientAddress>[2];

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
 * Machine endpoints go straight to their handlers; the rest to Next.
 */
export function createRequestListener(options: {
  next: NodeHandler;
  trustedProxies: TrustedProxies;
  origin: string;
}) {
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
    const method = request.method ?? "GET";
    Promise.resolve()
      .then(() => direct(toWebRequest(request, options.origin), clientAddress))
      .then((webResponse) => sendWebResponse(webResponse, response, method))
      .catch((error: unknown) => {
        console.error("[server] unhandled error on", method, pathname, (error as Error).message);
        if (!response.headersSent) {
          response.writeHead(500, {
            "content-type": "application/problem+json",
            "cache-control": "no-store",
          });
          response.end(JSON.stringify({ type: "about:blank", title: "Internal Server Error", status: 500 }));
        } else response.destroy();
      });
  };
}
