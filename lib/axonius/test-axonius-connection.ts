import { AxoniusError, type AxoniusFailureKind } from "./axonius-error";
import { normalizeAxoniusHostUrl } from "./axonius-host-url";
import { type AxoniusCallOptions, type AxoniusCredentials, callAxonius } from "./axonius-request";

/**
 * "Test connection": `GET {host}/api/settings/meta/about` with the credential's key and
 * secret. The result is what the console shows — "Connected — Axonius 6.1.2" or the precise
 * reason it is not — and never throws for anything the remote side or the network does.
 */
export type AxoniusConnectionResult =
  | {
      ok: true;
      /** The normalised host URL that was called. */
      hostUrl: string;
      /** The instance's version as it reports it, or null when it reports none readable. */
      version: string | null;
      message: string;
    }
  | {
      ok: false;
      kind: AxoniusFailureKind;
      message: string;
      status?: number;
      retryAfterSeconds?: number;
    };

export const ABOUT_PATH = "/api/settings/meta/about";
const FACT_KEYS = ["Version", "Installed Version", "Build Date"];
const READABLE_VERSION = /^[\w.+-]+(?: [\w.+-]+)*$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The about facts, also when wrapped as a JSON:API resource (`data.attributes`). */
function instanceFacts(body: unknown): Record<string, unknown> | null {
  const candidate =
    isObject(body) && isObject(body.data) && isObject(body.data.attributes) ? body.data.attributes : body;
  if (!isObject(candidate) || !FACT_KEYS.some((key) => key in candidate)) return null;
  return candidate;
}

/** Axonius reports `4_6_3` in older releases; the official client shows it as 4.6.3. */
function readVersion(facts: Record<string, unknown>): string | null {
  const raw = facts.Version || facts["Installed Version"];
  if (typeof raw !== "string") return null;
  const version = raw.trim().replaceAll("_", ".");
  return version.length <= 40 && READABLE_VERSION.test(version) ? version : null;
}

export async function testAxoniusConnection(
  credentials: AxoniusCredentials,
  options: AxoniusCallOptions = {},
): Promise<AxoniusConnectionResult> {
  const host = normalizeAxoniusHostUrl(credentials.hostUrl);
  if (!host.ok) return { ok: false, kind: "invalid_host_url", message: host.message };
  let body: unknown;
  try {
    body = await callAxonius(
      { ...credentials, hostUrl: host.hostUrl },
      { method: "GET", path: ABOUT_PATH },
      { timeoutMs: 10_000, maxResponseBytes: 64 * 1024, ...options },
    );
  } catch (error) {
    if (!(error instanceof AxoniusError)) throw error;
    return { ok: false, kind: error.kind, message: error.message, ...error.details };
  }
  const facts = instanceFacts(body);
  if (!facts) {
    return {
      ok: false,
      kind: "not_axonius",
      message:
        "The host's answer has no Axonius instance facts (such as its version), so it is not the Axonius API",
    };
  }
  const version = readVersion(facts);
  return {
    ok: true,
    hostUrl: host.hostUrl,
    version,
    message: version ? `Connected — Axonius ${version}` : "Connected — Axonius (version not reported)",
  };
}
