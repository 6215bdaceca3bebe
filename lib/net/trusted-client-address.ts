import { randomBytes, timingSafeEqual } from "node:crypto";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_PROOF_HEADER } from "./client-address";

/**
 * The client address reaches Next's pages and route handlers as a request header, which any
 * client can also send. So Latchkey's own server (lib/server/request-listener.ts) attaches a
 * second header holding a random proof made once per process, and readers believe the address
 * only when that proof matches. Under plain `next start` nothing makes a proof, so every
 * reader gets "unknown" and address allow-lists fail closed.
 *
 * The proof lives on globalThis because the server (loaded by tsx) and Next's compiled server
 * bundles each hold their own copy of this module, in one process.
 */
export const UNKNOWN_ADDRESS = "unknown";

const PROOF = Symbol.for("latchkey.clientAddressProof");
const store = globalThis as typeof globalThis & { [PROOF]?: string };

/** The proof this process's server attaches; made on first use. Only the server calls this. */
export function serverClientAddressProof(): string {
  store[PROOF] ??= randomBytes(32).toString("base64url");
  return store[PROOF];
}

interface HeaderReader {
  get(name: string): string | null;
}

function carriesProof(headers: HeaderReader): boolean {
  const expected = store[PROOF];
  const presented = headers.get(CLIENT_ADDRESS_PROOF_HEADER);
  if (!expected || !presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The address Latchkey's server decided for this request, or "unknown" when it did not. */
export function trustedClientAddress(headers: HeaderReader): string {
  if (!carriesProof(headers)) return UNKNOWN_ADDRESS;
  return headers.get(CLIENT_ADDRESS_HEADER) || UNKNOWN_ADDRESS;
}
