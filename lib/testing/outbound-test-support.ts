import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { FAKE_AXONIUS_TLS_CERT, FAKE_AXONIUS_TLS_KEY } from "@/lib/axonius/fake/fake-tls-certificate";
import {
  createOutboundClient,
  type OutboundClient,
  type OutboundClientOptions,
} from "@/lib/net/outbound/outbound-client";
import { OutboundError } from "@/lib/net/outbound/outbound-error";
import type { ResolveHost } from "@/lib/net/outbound/resolve-host";

export interface LoopbackServer {
  port: number;
  /** `127.0.0.1:<port>`, as LATCHKEY_OUTBOUND_ALLOW_HOSTS lists it. */
  hostPort: string;
  /** Requests the server has received. */
  readonly requests: http.IncomingMessage[];
  close(): Promise<void>;
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    (server as http.Server).closeAllConnections?.();
    server.close(() => resolve());
  });
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** An HTTP (or, with `tls`, HTTPS with the fake's self-signed certificate) server on loopback. */
export async function startLoopbackServer(
  handler: http.RequestListener,
  options: { tls?: boolean } = {},
): Promise<LoopbackServer> {
  const requests: http.IncomingMessage[] = [];
  const listener: http.RequestListener = (request, response) => {
    requests.push(request);
    handler(request, response);
  };
  const server = options.tls
    ? https.createServer({ key: FAKE_AXONIUS_TLS_KEY, cert: FAKE_AXONIUS_TLS_CERT }, listener)
    : http.createServer(listener);
  const port = await listen(server);
  return { port, hostPort: `127.0.0.1:${port}`, requests, close: () => closeServer(server) };
}

/** A TCP server that accepts connections and never says anything (for connect/TLS timeouts). */
export async function startSilentServer(onData?: (socket: net.Socket, data: Buffer) => void) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    if (onData) socket.on("data", (data) => onData(socket, data));
  });
  const port = await listen(server);
  return {
    port,
    hostPort: `127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await closeServer(server);
    },
  };
}

/**
 * A resolver answering from a table, so tests never ask real DNS. A value that is a function
 * is called on each look-up (for rebinding: public first, private next). Unknown names fail
 * as DNS does (ENOTFOUND). `calls` records every name looked up.
 */
export function tableResolver(table: Record<string, string[] | (() => string[])>): ResolveHost & {
  calls: string[];
} {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const entry = table[hostname];
    if (entry === undefined) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    }
    return typeof entry === "function" ? entry() : entry;
  };
  return Object.assign(resolve, { calls });
}

/**
 * Servers and clients a test starts, closed by `cleanup()` (call it in afterEach). Clients
 * default to an empty resolver table, so a test that forgets one can never ask real DNS.
 */
export function outboundResources() {
  const cleanups: Array<() => Promise<void>> = [];
  return {
    async server(...args: Parameters<typeof startLoopbackServer>): Promise<LoopbackServer> {
      const started = await startLoopbackServer(...args);
      cleanups.push(() => started.close());
      return started;
    },
    async silentServer(...args: Parameters<typeof startSilentServer>) {
      const started = await startSilentServer(...args);
      cleanups.push(() => started.close());
      return started;
    },
    client(options: OutboundClientOptions = {}): OutboundClient {
      const created = createOutboundClient({ resolveHost: tableResolver({}), ...options });
      cleanups.push(() => created.close());
      return created;
    },
    async cleanup(): Promise<void> {
      for (const close of cleanups.splice(0).reverse()) await close();
    },
  };
}

/** The OutboundError a call failed with; fails the test if it succeeded or failed otherwise. */
export async function outboundFailure(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(
    () => new Error("expected the call to fail"),
    (caught: unknown) => caught,
  );
  if (!(error instanceof OutboundError)) throw new Error(`expected an OutboundError, got ${String(error)}`);
  return error;
}
