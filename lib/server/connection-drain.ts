import type http from "node:http";
import net from "node:net";

interface ConnectionState {
  /** Requests on this connection not yet answered. */
  active: number;
  idleSince: number;
  /** socket.bytesRead when it last went idle: more means a request is arriving. */
  bytesReadWhenIdle: number;
}

/** After the drain began, an idle connection is closed once it has been idle this long. */
export const IDLE_LINGER_MS = 1000;
/** A closed idle connection whose client never finishes closing is destroyed after this. */
const HALF_CLOSED_GRACE_MS = 1000;
const SWEEP_MS = 50;

/**
 * Lets a server stop without resetting anyone. Node's own `server.close()` destroys every idle
 * keep-alive connection at once — including connections whose client has just sent its next
 * request, which then fails with ECONNRESET. Instead, once `drain()` is called:
 * - the server stops accepting connections;
 * - every response not yet started carries `Connection: close`, so each busy connection closes
 *   after its answer, as the client was told;
 * - a connection idle since its last answer is closed only once it has stayed idle for
 *   `lingerMs` with no byte of a new request arriving; a request that does arrive is served
 *   (with `Connection: close`);
 * - `drain()` resolves when the last connection is gone.
 */
export class ConnectionDrain {
  private readonly connections = new Map<net.Socket, ConnectionState>();
  private readonly openResponses = new Set<http.ServerResponse>();
  private draining = false;

  constructor(private readonly server: http.Server) {
    server.on("connection", (socket: net.Socket) => {
      this.connections.set(socket, { active: 0, idleSince: Date.now(), bytesReadWhenIdle: socket.bytesRead });
      socket.once("close", () => this.connections.delete(socket));
    });
    // First of the request listeners, so the header is set before any handler writes.
    server.prependListener("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
      const state = this.connections.get(request.socket);
      if (state) state.active += 1;
      this.openResponses.add(response);
      if (this.draining) response.setHeader("connection", "close");
      response.once("close", () => {
        this.openResponses.delete(response);
        if (!state) return;
        state.active = Math.max(0, state.active - 1);
        state.idleSince = Date.now();
        state.bytesReadWhenIdle = request.socket.bytesRead;
      });
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Connections still open, for logs. */
  get openConnections(): number {
    return this.connections.size;
  }

  drain(lingerMs = IDLE_LINGER_MS): Promise<void> {
    this.draining = true;
    for (const response of this.openResponses) {
      if (!response.headersSent) response.setHeader("connection", "close");
    }
    return new Promise((resolve) => {
      const sweep = setInterval(() => this.closeIdle(lingerMs), SWEEP_MS);
      // net.Server#close stops listening and calls back when the last connection has closed;
      // http.Server#close would also destroy the idle ones at once (see above).
      net.Server.prototype.close.call(this.server, () => {
        clearInterval(sweep);
        resolve();
      });
      this.closeIdle(lingerMs);
    });
  }

  private closeIdle(lingerMs: number, now = Date.now()): void {
    for (const [socket, state] of this.connections) {
      if (state.active > 0 || socket.bytesRead > state.bytesReadWhenIdle) continue;
      if (now - state.idleSince < lingerMs || socket.writableEnded) continue;
      socket.end();
      setTimeout(() => socket.destroy(), HALF_CLOSED_GRACE_MS).unref();
    }
  }
}
