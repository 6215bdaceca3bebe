import type { AuthenticationResult } from "./api-caller";
import { authenticateAccessToken } from "./authenticate-access-token";
import { authenticateBasicPassword } from "./authenticate-basic-password";
import { authenticateClientHeaders } from "./authenticate-client-headers";
import { authenticateLegacyKey } from "./authenticate-legacy-key";
import { authenticatePersonalToken } from "./authenticate-personal-token";
import type { AuthenticationMethod } from "./method-catalogue";
import { type PresentedCredentials, readCredentials } from "./read-credentials";

type Authenticator = (presented: PresentedCredentials, ip: string) => Promise<AuthenticationResult>;

function bearer(authenticate: (token: string, ip: string) => Promise<AuthenticationResult>): Authenticator {
  return (presented, ip) => authenticate(presented.scheme === "bearer" ? presented.token : "", ip);
}

/** One authenticator per method of the catalogue: a new method does not compile until it has one. */
const AUTHENTICATORS: Record<AuthenticationMethod, Authenticator> = {
  access_token: bearer(authenticateAccessToken),
  personal_token: bearer(authenticatePersonalToken),
  legacy_key: bearer(authenticateLegacyKey),
  client_secret_headers: (presented, ip) =>
    presented.scheme === "api-key-headers"
      ? authenticateClientHeaders(presented.clientId, presented.secret, ip)
      : authenticateClientHeaders("", "", ip),
  basic_password: (presented, ip) =>
    authenticateBasicPassword(presented.scheme === "basic" ? presented.encoded : "", ip),
};

/**
 * Authenticates a resource API request by the method catalogue (method-catalogue.ts): reads
 * the credentials strictly, picks the method they are sent as, and runs its authenticator.
 * Returns the caller — or a known caller refused for plan or address — and throws the
 * ApiProblem that answers anyone else.
 */
export function authenticateApiRequest(request: Request, ip: string): Promise<AuthenticationResult> {
  const presented = readCredentials(request.headers);
  return AUTHENTICATORS[presented.method](presented, ip);
}
