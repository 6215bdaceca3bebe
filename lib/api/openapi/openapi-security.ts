import {
  AUTHENTICATION_METHOD_KEYS,
  AUTHENTICATION_METHODS,
  type AuthenticationMethod,
} from "@/lib/api/auth/method-catalogue";
import { SECURITY_LEVEL_LABELS } from "@/lib/organizations/security-level";
import type { Scope } from "@/lib/permissions/catalogue";

/** "Legacy, High and Extra High" */
function levelsOf(method: AuthenticationMethod): string {
  const labels = AUTHENTICATION_METHODS[method].levels.map((level) => SECURITY_LEVEL_LABELS[level]);
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}` : (labels[0] ?? "");
}

/** The document's description of how to authenticate: one line per method of the catalogue. */
export function authenticationDescription(): string {
  const lines = AUTHENTICATION_METHOD_KEYS.map(
    (method) =>
      `- ${AUTHENTICATION_METHODS[method].label}, as \`${AUTHENTICATION_METHODS[method].sentAs}\` (security levels: ${levelsOf(method)});`,
  );
  return `Authenticate with one of:\n\n${lines.join("\n")}`;
}

/** Every method's security schemes, the OAuth one with its token URL and scopes. */
export function securitySchemesOf(base: string, scopes: Record<string, string>) {
  const schemes: Record<string, Record<string, unknown>> = {};
  for (const method of AUTHENTICATION_METHOD_KEYS) {
    for (const [name, scheme] of Object.entries(AUTHENTICATION_METHODS[method].openApi)) {
      const description = `${String(scheme.description ?? "")} Accepted at the ${levelsOf(method)} security level${AUTHENTICATION_METHODS[method].levels.length > 1 ? "s" : ""}.`;
      schemes[name] =
        scheme.type === "oauth2"
          ? {
              ...scheme,
              description,
              flows: { clientCredentials: { tokenUrl: `${base}/api/oauth/token`, scopes } },
            }
          : { ...scheme, description };
    }
  }
  return schemes;
}

/** An operation's security requirements: any one method, each with its schemes together. */
export function securityRequirementsOf(scope: Scope) {
  return AUTHENTICATION_METHOD_KEYS.map((method) => {
    const definition = AUTHENTICATION_METHODS[method];
    return Object.fromEntries(
      Object.keys(definition.openApi).map((name) => [name, definition.scopedRequirement ? [scope] : []]),
    );
  });
}
