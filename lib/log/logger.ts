import pino, { type Level, type LevelWithSilent, type Logger } from "pino";
import { prettyFactory } from "pino-pretty";
import { redactFields } from "./redact-fields";
import { scrubText } from "./scrub-text";

/**
 * The server's one logger (pino): JSON lines on stdout in production, readable lines in
 * development (`npm run dev`), silent under vitest unless a test captures it. Every field is
 * redacted by name and every message scrubbed (see redact-fields.ts) before it is written.
 *
 * - LATCHKEY_LOG_LEVEL: trace, debug, info (default), warn, error, fatal or silent;
 * - LATCHKEY_LOG_FORMAT: json or pretty (default: pretty in development, json otherwise).
 *
 * One logger per process, kept on globalThis so that the start script and Next's server bundle
 * (which each hold a copy of this module) write through the same one.
 */
export type LogFields = Record<string, unknown>;

export interface ComponentLog {
  error(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  debug(fields: LogFields, message: string): void;
}

/** Where finished log lines go (each line is one JSON document and its newline). */
export type LogSink = (line: string) => void;

interface LogState {
  logger: Logger;
  sink: LogSink;
}

const LEVELS: readonly LevelWithSilent[] = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];
const STATE = Symbol.for("latchkey.log.state");
type GlobalWithLog = typeof globalThis & { [STATE]?: LogState };

function configuredLevel(env: NodeJS.ProcessEnv): LevelWithSilent {
  const raw = env.LATCHKEY_LOG_LEVEL?.trim().toLowerCase();
  if (raw) {
    if (!(LEVELS as readonly string[]).includes(raw)) {
      throw new Error(
        `LATCHKEY_LOG_LEVEL must be one of ${LEVELS.join(", ")}, got "${env.LATCHKEY_LOG_LEVEL}"`,
      );
    }
    return raw as LevelWithSilent;
  }
  return env.VITEST ? "silent" : "info";
}

function defaultSink(env: NodeJS.ProcessEnv): LogSink {
  const format = env.LATCHKEY_LOG_FORMAT?.trim().toLowerCase();
  if (format && format !== "json" && format !== "pretty") {
    throw new Error(`LATCHKEY_LOG_FORMAT must be json or pretty, got "${env.LATCHKEY_LOG_FORMAT}"`);
  }
  const pretty = format ? format === "pretty" : env.NODE_ENV === "development";
  // Written synchronously: a line logged just before process.exit is not lost.
  if (!pretty) return (line) => void process.stdout.write(line);
  const prettify = prettyFactory({
    colorize: Boolean(process.stdout.isTTY),
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname",
  });
  return (line) => void process.stdout.write(prettify(line));
}

function createState(): LogState {
  const state: LogState = { sink: defaultSink(process.env), logger: undefined as unknown as Logger };
  state.logger = pino(
    {
      level: configuredLevel(process.env),
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are already described by redactFields; pino's own serializer would re-read them.
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redactFields(fields) as Record<string, unknown>,
      },
    },
    { write: (line: string) => state.sink(line) },
  );
  return state;
}

function logState(): LogState {
  const store = globalThis as GlobalWithLog;
  store[STATE] ??= createState();
  return store[STATE];
}

/**
 * Creates the logger now, so that a bad LATCHKEY_LOG_LEVEL or LATCHKEY_LOG_FORMAT stops the
 * server at start with a clear message rather than at its first log line.
 */
export function initLogger(): void {
  logState();
}

function write(level: Level, component: string, fields: LogFields, message: string): void {
  logState().logger[level]({ component, ...fields }, scrubText(message));
}

/** The logger of one part of the server; `component` names it in every line. */
export function logFor(component: string): ComponentLog {
  return {
    error: (fields, message) => write("error", component, fields, message),
    warn: (fields, message) => write("warn", component, fields, message),
    info: (fields, message) => write("info", component, fields, message),
    debug: (fields, message) => write("debug", component, fields, message),
  };
}

/**
 * Sends log lines to `sink` at `level` until the returned function is called, which restores
 * the previous destination and level. For tests that read what the server logged.
 */
export function redirectLog(sink: LogSink, level: LevelWithSilent = "trace"): () => void {
  const state = logState();
  const previous = { sink: state.sink, level: state.logger.level };
  state.sink = sink;
  state.logger.level = level;
  return () => {
    state.sink = previous.sink;
    state.logger.level = previous.level;
  };
}
