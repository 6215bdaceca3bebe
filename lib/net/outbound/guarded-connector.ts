import { isIP, isIPv6, type Socket } from "node:net";
import ipaddr from "ipaddr.js";
import { buildConnector } from "undici";
import { refusedAddress } from "./address-policy";
import { type AllowHosts, isAllowListed } from "./allow-hosts";
import { OutboundError } from "./outbound-error";
import { MUST_BE_HTTPS, refusedDestination } from "./outbound-url";
import { type ResolveHost, resolveWithin, vetResolvedAddresses } from "./resolve-host";

/**
 * The connect step of every outbound connection: undici hands it the origin, and it resolves
 * the host itself, refuses it unless every address is public (or the host:port is listed in
 * LATCHKEY_OUTBOUND_ALLOW_HOSTS), and then opens the socket to one of exactly those addresses.
 * The socket is never given a name to resolve again, so there is no window between the check
 * and the connection for DNS to answer differently (rebinding). TLS still verifies the
 * certificate against the host name (SNI and identity), not the address.
 *
 * This is the guard that holds whatever reaches undici — a redirect, an IP literal, a caller
 * using the dispatcher directly: undici's `lookup` hook alone is not consulted for literals.
 */
export interface GuardedConnectorOptions {
  allowHosts: AllowHosts;
  resolveHost: ResolveHost;
  connectTimeoutMs: number;
  /** Certificates to trust in addition to Node's (tests; a private CA can use NODE_EXTRA_CA_CERTS). */
  ca?: string | string[];
}

type Connector = buildConnector.connector;
type ConnectOptions = buildConnector.Options;
type ConnectedSocket = Parameters<buildConnector.Callback>[1];

/** Errors worth trying the host's next address for: this one did not take the connection. */
const NEXT_ADDRESS_CODES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

interface Destination {
  addresses: string[];
  listed: boolean;
}

async function vetDestination(
  options: GuardedConnectorOptions,
  target: ConnectOptions,
): Promise<Destination> {
  const { hostname, protocol, port } = target;
  const listed = isAllowListed(
    options.allowHosts,
    protocol,
    isIPv6(hostname) ? `[${hostname}]` : hostname,
    port,
  );
  if (!listed) {
    const refused = refusedDestination(hostname);
    if (refused) throw new OutboundError(refused.kind, refused.message);
    if (protocol !== "https:") throw new OutboundError("refused_url", MUST_BE_HTTPS);
  }
  if (isIP(hostname)) return { addresses: [hostname], listed };
  const addresses = await resolveWithin(options.resolveHost, hostname, options.connectTimeoutMs);
  if (!listed) vetResolvedAddresses(addresses);
  return { addresses, listed };
}

function connectTo(inner: Connector, target: ConnectOptions, address: string): Promise<Socket> {
  const servername = isIP(target.hostname) ? undefined : target.hostname;
  return new Promise((resolve, reject) => {
    inner({ ...target, hostname: address, servername }, (error: Error | null, socket: ConnectedSocket) => {
      if (error || !socket) reject(error ?? new Error("connection failed"));
      else resolve(socket);
    });
  });
}

function sameAddress(a: string, b: string): boolean {
  return (
    ipaddr.isValid(a) && ipaddr.isValid(b) && ipaddr.process(a).toString() === ipaddr.process(b).toString()
  );
}

/** The peer the socket reached is the address that was checked, or the socket is closed. */
function checkPeer(socket: Socket, address: string, listed: boolean): void {
  const peer = socket.remoteAddress ?? "";
  if (!sameAddress(peer, address) || (!listed && refusedAddress(peer))) {
    socket.destroy();
    throw new OutboundError(
      "refused_address",
      "The connection reached an address other than the one checked",
    );
  }
}

export function buildGuardedConnector(options: GuardedConnectorOptions): Connector {
  const inner = buildConnector({
    timeout: options.connectTimeoutMs,
    ...(options.ca ? { ca: options.ca } : {}),
  });
  const connect = async (target: ConnectOptions): Promise<Socket> => {
    const { addresses, listed } = await vetDestination(options, target);
    let lastError: unknown;
    for (const address of addresses) {
      try {
        const socket = await connectTo(inner, target, address);
        checkPeer(socket, address, listed);
        return socket;
      } catch (error) {
        lastError = error;
        if (!NEXT_ADDRESS_CODES.has((error as NodeJS.ErrnoException).code ?? "")) break;
      }
    }
    throw lastError;
  };
  return (target, callback) => {
    connect(target).then(
      (socket) => callback(null, socket),
      (error: Error) => callback(error, null),
    );
  };
}
