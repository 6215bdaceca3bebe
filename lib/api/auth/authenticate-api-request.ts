import { type RequestOrigin, requestOrigin } from "@/lib/audit/security-event";
import type { AuthenticationResult } from "./api-caller";
import { authenticateAccessToken } from "./authenticate-access-token";
import { authenticateBasicPassword } from "./authenticate-basic-password";
import { authenticateClientHeaders } from "./authenticate-client-headers";
import { authenticateLegacyKey } from "./authenticate-legacy-key";
import { authenticatePersonalToken } from "./authenticate-personal-token";
import type { AuthenticationMethod } from "./method-catalogue";
import { type PresentedCredentials, readCredentials } from "./read-credentials";

type Authenticator = (
  presented: PresentedCredentials,
  origin: RequestOrigin,
) => Promise<AuthenticationResult>;
type SentAs<S extends PresentedCredentials["scheme"]> = Extract<PresentedCredentials, { scheme: S }>;

/** The credentials in the shape the catalogue says the method is sent in. */
function sentAs<S extends PresentedCredentials["scheme"]>(
  presented: PresentedCredentials,
  scheme: S,
): SentAs<S> {
  if (presented.scheme !== scheme) {
    throw new Error(`${presented.method} arrived as ${presented.scheme}, but is sent as ${scheme}`);
  }
  return presented as SentAs<S>;
}

/** One authenticator per method of the catalogue: a new method does not compile until it has one. */
const AUTHENTICATORS: Record<AuthenticationMethod, Authenticator> = {
  access_token: (presented, origin) => authenticateAccessToken(sentAs(presented, "bearer").token, origin),
  personal_token: (presented, origin) => authenticatePersonalToken(sentAs(presented, "bearer").token, origin),
  legacy_key: (presented, origin) => authenticateLegacyKey(sentAs(presented, "bearer").token, origin),
  client_secret_headers: (presented, origin) => {
    const { clientId, secret } = sentAs(presented, "api-key-headers");
    return authenticateClientHeaders(clientId, secret, origin);
  },
  basic_password: (presented, origin) =>
    authenticateBasicPassword(sentAs(presented, "basic").encoded, origin),
};

/**
 * Authenticates a resource API request by the method catalogue (method-catalogue.ts): reads
 * the credentials strictly, picks the method they are sent as, and runs its authenticator.
 * Returns the caller — or a known caller refused for plan or address — and throws the
 * ApiProblem that answers anyone else. Each authenticator records its refusals as security
 * events; a request with no credentials, or with them in a shape no method accepts, is
 * refused here before any method and is not recorded (it is no attempt at anyone's credentials).
 */
export function authenticateApiRequest(request: Request, ip: string): Promise<AuthenticationResult> {
  const presented = readCredentials(request.headers);
  return AUTHENTICATORS[presented.method](presented, requestOrigin(request, ip));
}
