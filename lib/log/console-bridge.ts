import { inspect } from "node:util";
import { type ComponentLog, logFor } from "./logger";
import { redactFields } from "./redact-fields";

type ConsoleMethod = "error" | "warn" | "info" | "log" | "debug" | "trace";
const LEVEL_OF: Record<ConsoleMethod, keyof ComponentLog> = {
  error: "error",
  warn: "warn",
  info: "info",
  log: "info",
  debug: "debug",
  trace: "debug",
};

/** One console call as a message and fields: errors are described, never printed as they are. */
function toEntry(args: unknown[]): { message: string; fields: Record<string, unknown> } {
  const errors = args.filter((arg) => arg instanceof Error);
  const parts = args
    .filter((arg) => !(arg instanceof Error))
    .map((arg) =>
      typeof arg === "string"
        ? arg
        : inspect(redactFields(arg), { depth: 4, breakLength: Number.POSITIVE_INFINITY }),
    );
  const fields: Record<string, unknown> = {};
  if (errors.length === 1) fields.err = errors[0];
  else if (errors.length > 1) fields.errors = errors;
  const message = parts.join(" ").trim() || (errors[0] as Error | undefined)?.name || "";
  return { message, fields };
}

const BRIDGED = Symbol.for("latchkey.log.consoleBridged");

/**
 * Routes console.* through the logger, for what Latchkey does not log itself: Next.js and
 * libraries print with console, and an error they print (a failed server action, say) would
 * otherwise reach the output raw, drizzle's query parameters and all. Installed once by the
 * server at start; command-line scripts keep the plain console. Returns what puts it back.
 */
export function routeConsoleToLog(): () => void {
  const store = globalThis as typeof globalThis & { [BRIDGED]?: () => void };
  if (store[BRIDGED]) return store[BRIDGED];
  const log = logFor("console");
  const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const method of Object.keys(LEVEL_OF) as ConsoleMethod[]) {
    originals.set(method, console[method]);
    console[method] = (...args: unknown[]) => {
      const { message, fields } = toEntry(args);
      log[LEVEL_OF[method]](fields, message);
    };
  }
  const restore = () => {
    for (const [method, original] of originals) console[method] = original;
    delete store[BRIDGED];
  };
  store[BRIDGED] = restore;
  return restore;
}
