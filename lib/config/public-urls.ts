/**
 * Addresses of this Latchkey server as its users reach it, from AUTH_URL (which the start
 * script always sets). For server code only: pages pass the result down to the browser.
 */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.AUTH_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
}

/** The OAuth token endpoint that API clients trade their secret at. */
export function tokenEndpointUrl(env: NodeJS.ProcessEnv = process.env): string {
  return `${publicBaseUrl(env)}/api/oauth/token`;
}
