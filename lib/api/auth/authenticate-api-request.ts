import type { AuthenticationResult } from "./api-caller";
import { authenticateAccessToken } from "./authenticate-access-token";
import { authenticateBasicPassword } from "./authenticate-basic-password";
import { authenticateClientHeaders } from "./authenticate-client-headers";
import { authenticateLegacyKey } from "./authenticate-legacy-key";
import { authenticatePersonalToken } from "./authenticate-personal-token";
import type { AuthenticationMethod } from "./method-catalogue";
import { type PresentedCredentials, readCredentials } from "./read-credentials";

type Authenticator = (presented: PresentedCredentials, ip: string) => Promise<AuthenticationResult>;
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
  access_token: (presented, ip) => authenticateAccessToken(sentAs(presented, "bearer").token, ip),
  personal_token: (presented, ip) => authenticatePersonalToken(sentAs(presented, "bearer").token, ip),
  legacy_key: (presented, ip) => authenticateLegacyKey(sentAs(presented, "bearer").token, ip),
  client_secret_headers: (presented, ip) => {
    const { clientId, secret } = sentAs(presented, "api-key-headers");
    return authenticateClientHeaders(clientId, secret, ip);
  },
  basic_password: (presented, ip) => authenticateBasicPassword(sentAs(presented, "basic").encoded, ip),
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
