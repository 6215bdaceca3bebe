import { SECRET_PREFIXES } from "@/lib/crypto/secret-prefixes";
import type { SecurityLevel } from "@/lib/db/schema";

/**
 * Every way a resource API caller can prove who it is, declared once (DESIGN.md,
 * "Authentication methods by security level"). The security-level rule, the dispatcher that
 * picks a method from the request, the failure budgets, the OpenAPI security schemes, the
 * "Access and authorization" page and the README table are all derived from this table.
 * Adding a method here fails to compile until it has an authenticator (authenticate-api-request.ts).
 */
export const AUTHENTICATION_METHODS = {
  access_token: {
    label: "Bearer access token from /api/oauth/token (client credentials)",
    readmeLabel: "Bearer access token (client credentials)",
    sentAs: "Authorization: Bearer <access token>",
    presentation: { scheme: "bearer", prefix: null },
    actsAs: "client",
    levels: ["legacy", "high", "extra_high"],
    failureBudget: "secret",
    openApi: {
      oauth2: {
        type: "oauth2",
        description: "Client credentials grant; request the scopes an integration needs.",
      },
    },
    scopedRequirement: true,
  },
  personal_token: {
    label: `Bearer personal token (${SECRET_PREFIXES.personal_token}…)`,
    readmeLabel: `Bearer personal token \`${SECRET_PREFIXES.personal_token}…\``,
    sentAs: `Authorization: Bearer ${SECRET_PREFIXES.personal_token}…`,
    presentation: { scheme: "bearer", prefix: SECRET_PREFIXES.personal_token },
    actsAs: "user",
    levels: ["legacy", "high", "extra_high"],
    failureBudget: "secret",
    openApi: {
      personalToken: {
        type: "http",
        scheme: "bearer",
        description: `A personal token (${SECRET_PREFIXES.personal_token}…), limited to its own scope and its user's role.`,
      },
    },
    scopedRequirement: true,
  },
  client_secret_headers: {
    label: "api-key and api-secret headers (client ID and secret)",
    readmeLabel: "`api-key` + `api-secret` headers",
    sentAs: "api-key: <client ID> and api-secret: <client secret>",
    presentation: { scheme: "api-key-headers" },
    actsAs: "client",
    levels: ["legacy", "high", "extra_high"],
    failureBudget: "secret",
    openApi: {
      apiKey: { type: "apiKey", in: "header", name: "api-key", description: "The API client's client ID." },
      apiSecret: {
        type: "apiKey",
        in: "header",
        name: "api-secret",
        description: `The API client's secret (${SECRET_PREFIXES.client_secret}…); send with api-key.`,
      },
    },
    scopedRequirement: false,
  },
  basic_password: {
    label: "HTTP Basic with a user's email and password",
    readmeLabel: "HTTP Basic with a user's email + password",
    sentAs: "Authorization: Basic base64(email:password)",
    presentation: { scheme: "basic" },
    actsAs: "user",
    levels: ["legacy", "high"],
    failureBudget: "password",
    openApi: {
      basicAuth: {
        type: "http",
        scheme: "basic",
        description: "A user's email and password, for older integrations.",
      },
    },
    scopedRequirement: false,
  },
  legacy_key: {
    label: `Bearer legacy static key (${SECRET_PREFIXES.legacy_key}…)`,
    readmeLabel: `Legacy static key \`Authorization: Bearer ${SECRET_PREFIXES.legacy_key}…\``,
    sentAs: `Authorization: Bearer ${SECRET_PREFIXES.legacy_key}…`,
    presentation: { scheme: "bearer", prefix: SECRET_PREFIXES.legacy_key },
    actsAs: "user",
    levels: ["legacy"],
    failureBudget: "secret",
    openApi: {
      legacyKey: {
        type: "http",
        scheme: "bearer",
        description: `A user's static legacy key (${SECRET_PREFIXES.legacy_key}…).`,
      },
    },
    scopedRequirement: false,
  },
} as const satisfies Record<string, AuthenticationMethodDefinition>;

export type AuthenticationMethod = keyof typeof AUTHENTICATION_METHODS;

export interface AuthenticationMethodDefinition {
  /** As the console's reference shows it. */
  label: string;
  /** As the README's table shows it (Markdown). */
  readmeLabel: string;
  /** How a request carries it. */
  sentAs: string;
  /** What the request looks like, so the dispatcher can tell methods apart without guessing. */
  presentation:
    | { scheme: "bearer"; prefix: string | null }
    | { scheme: "basic" }
    | { scheme: "api-key-headers" };
  /** Whether the caller is an API client or acts as a person (then the user's role applies). */
  actsAs: "client" | "user";
  /** The security levels at which the API accepts it. */
  levels: readonly SecurityLevel[];
  /**
   * Which failure budget a wrong credential spends: "secret" for high-entropy secrets and
   * tokens (bounded per address and per client), "password" for what a person can guess
   * (bounded per account, per trusted device or address, and per address).
   */
  failureBudget: "secret" | "password";
  /** The OpenAPI security schemes that describe it (several when it uses several headers). */
  openApi: Record<string, Record<string, unknown>>;
  /** Whether its OpenAPI security requirement lists the operation's scope (OAuth-style scopes). */
  scopedRequirement: boolean;
}

export const AUTHENTICATION_METHOD_KEYS = Object.keys(AUTHENTICATION_METHODS) as AuthenticationMethod[];

export function methodDefinition(method: AuthenticationMethod): AuthenticationMethodDefinition {
  return AUTHENTICATION_METHODS[method];
}

/** Whether the API accepts a method at a security level (the level in force, after any sunset). */
export function isMethodAllowed(level: SecurityLevel, method: AuthenticationMethod): boolean {
  return methodDefinition(method).levels.includes(level);
}

/** The methods a level accepts, in catalogue order. */
export function methodsAllowedAt(level: SecurityLevel): AuthenticationMethod[] {
  return AUTHENTICATION_METHOD_KEYS.filter((method) => isMethodAllowed(level, method));
}

/** The bearer method a token's prefix names; tokens without a known prefix are access tokens. */
export function bearerMethodFor(token: string): AuthenticationMethod {
  let fallback: AuthenticationMethod | undefined;
  for (const method of AUTHENTICATION_METHOD_KEYS) {
    const presentation = methodDefinition(method).presentation;
    if (presentation.scheme !== "bearer") continue;
    if (presentation.prefix === null) fallback = method;
    else if (token.startsWith(presentation.prefix)) return method;
  }
  if (!fallback) throw new Error("the catalogue declares no bearer method without a prefix");
  return fallback;
}

/** The method sent with a given scheme ("basic", "api-key-headers"): exactly one per such scheme. */
export function methodWithScheme(scheme: "basic" | "api-key-headers"): AuthenticationMethod {
  const method = AUTHENTICATION_METHOD_KEYS.find(
    (candidate) => methodDefinition(candidate).presentation.scheme === scheme,
  );
  if (!method) throw new Error(`the catalogue declares no method sent with ${scheme}`);
  return method;
}
