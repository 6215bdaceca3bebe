import type { ApiProblem } from "@/lib/api/api-problem";
import {
  invalidTokenProblem,
  malformedCredentialsProblem,
  missingCredentialsProblem,
} from "./api-auth-errors";
import { type AuthenticationMethod, bearerMethodFor, methodWithScheme } from "./method-catalogue";

/** What a request presents, in the shape its method is sent in. */
export type PresentedCredentials =
  | { scheme: "api-key-headers"; method: AuthenticationMethod; clientId: string; secret: string }
  | { scheme: "basic"; method: AuthenticationMethod; encoded: string }
  | { scheme: "bearer"; method: AuthenticationMethod; token: string };

/** RFC 6750 §2.1 b64token, also RFC 7235's token68: the only thing allowed after the scheme. */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
/** `scheme 1*SP credentials` (RFC 7235 §2.1); leading and trailing whitespace is the parser's. */
const AUTHORIZATION = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)(?: +(.*))?$/;

export const ONE_METHOD = "Send either a bearer token or api-key and api-secret, not both";
export const BOTH_HEADERS = "Both api-key and api-secret are required";
export const HEADER_TWICE = "Send each credential header once";
export const BEARER_SHAPE = "The Authorization header must be exactly 'Bearer <token>'";
export const BASIC_SHAPE = "The Authorization header must be exactly 'Basic <base64(email:password)>'";
export const UNKNOWN_SCHEME = "Use the Bearer authentication scheme (or Basic with an email and password)";

/**
 * Reads the credentials of a resource API request strictly: one method, each header once,
 * `Bearer <token>` with nothing after the token. Anything else is refused before any work —
 * 400 invalid_request for a malformed request (RFC 6750 §3.1), 401 for none at all — by
 * throwing the ApiProblem that answers it. Two Authorization headers arrive joined by a comma
 * (the server joins repeated ones), which no token contains.
 */
export function readCredentials(headers: Headers): PresentedCredentials {
  const apiKey = headers.get("api-key");
  const apiSecret = headers.get("api-secret");
  const authorization = headers.get("authorization");
  if (apiKey !== null || apiSecret !== null) {
    if (authorization !== null) throw malformedCredentialsProblem(ONE_METHOD);
    if (!apiKey || !apiSecret) throw malformedCredentialsProblem(BOTH_HEADERS);
    if (apiKey.includes(",") || apiSecret.includes(",")) throw malformedCredentialsProblem(HEADER_TWICE);
    return {
      scheme: "api-key-headers",
      method: methodWithScheme("api-key-headers"),
      clientId: apiKey,
      secret: apiSecret,
    };
  }
  if (authorization === null || authorization.trim() === "") throw missingCredentialsProblem();
  const match = AUTHORIZATION.exec(authorization.trim());
  const scheme = match?.[1]?.toLowerCase();
  const credentials = match?.[2] ?? "";
  if (scheme === "bearer") {
    if (!TOKEN68.test(credentials)) throw malformedCredentialsProblem(BEARER_SHAPE);
    return { scheme: "bearer", method: bearerMethodFor(credentials), token: credentials };
  }
  if (scheme === "basic") {
    if (!TOKEN68.test(credentials)) throw malformedCredentialsProblem(BASIC_SHAPE);
    return { scheme: "basic", method: methodWithScheme("basic"), encoded: credentials };
  }
  throw unsupportedScheme();
}

function unsupportedScheme(): ApiProblem {
  return invalidTokenProblem(UNKNOWN_SCHEME);
}
