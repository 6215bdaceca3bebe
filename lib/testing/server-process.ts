import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { readConfig } from "@/lib/config/env";
import { INSTANCE_SECRETS, loadInstanceSecret } from "@/lib/config/instance-secret";

/** Helpers for tests that run lib/testing/shutdown-test-server.ts as a real process (not a test itself). */

export const FIXTURE = path.resolve("lib/testing/shutdown-test-server.ts");

export interface Ready {
  port: number;
  pid: number;
  clientId: string;
  secret?: string;
}

export interface Stopped {
  code: number;
  pid: number;
  batchedWrites: Record<string, { written: number; dropped: number; held: number; retried: number }>;
  /** Usage counting (lib/usage/record-usage.ts): requests handed to its writer, dropped, still held. */
  usage: { counted: number; dropped: number; keys: number };
}

/** A fresh data folder (the embedded database, and generated secrets in either mode). */
export function freshDataDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latchkey-shutdown-"));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Resolves with the first message of `kind` the child says, over IPC or as a stdout JSON line. */
export function messageFrom<T>(child: ChildProcess, kind: "ready" | "stopped"): Promise<T> {
  const message = new Promise<T>((resolve, reject) => {
    const take = (said: unknown) => {
      const value = (said as Record<string, T> | null)?.[kind];
      if (value !== undefined) resolve(value);
    };
    child.on("message", take);
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith(`{"${kind}"`)) take(JSON.parse(line));
      }
    });
    child.once("exit", (code, signal) =>
      reject(new Error(`server exited (${signal ?? code}) before "${kind}"`)),
    );
  });
  // Awaited by the test when it matters; an early exit is reported there, not as unhandled.
  message.catch(() => {});
  return message;
}

/** Every message of `kind` the child says on stdout, as they come (the array fills up). */
export function messagesFrom<T>(child: ChildProcess, kind: "ready" | "stopped"): T[] {
  const said: T[] = [];
  let buffered = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith(`{"${kind}"`)) said.push((JSON.parse(line) as Record<string, T>)[kind] as T);
    }
  });
  return said;
}

/** Resolves once a stdout line of the child contains `text`, with the time it was seen. */
export function lineFrom(child: ChildProcess, text: string): Promise<number> {
  return new Promise((resolve) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString("utf8").includes(text)) resolve(Date.now());
    });
  });
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/**
 * On a database server the child shares this run's database, so it needs this process's
 * encryption key (signing keys are stored encrypted under it), whatever its data folder.
 */
export function sharedSecretsEnv(): Record<string, string> {
  const config = readConfig();
  if (!config.databaseUrl) return {};
  return { LATCHKEY_ENCRYPTION_KEY: loadInstanceSecret(INSTANCE_SECRETS.encryption, config, process.env) };
}

export function spawnFixture(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", FIXTURE], {
    env: {
      ...process.env,
      LATCHKEY_LOG_LEVEL: "info",
      LATCHKEY_LOG_FORMAT: "json",
      ...sharedSecretsEnv(),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
}

export interface Answer {
  status: number | null;
  connection: string | undefined;
  error: string | undefined;
  sentAt: number;
}

/** One request; resolves with the answer or the error code, never rejects. */
export function call(
  port: number,
  agent: http.Agent,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const sentAt = Date.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        agent,
        method: options.method,
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? null,
            connection: response.headers.connection,
            error: undefined,
            sentAt,
          }),
        );
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ status: null, connection: undefined, error: error.code ?? error.message, sentAt }),
    );
    request.end(options.body);
  });
}
