import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type { RunQueue } from "@/lib/data-flows/run-commands";
import { exitOf, sharedSecretsEnv } from "./server-process";

/** Helpers for tests that run lib/testing/data-flow-worker-process.ts as real processes (not a test itself). */

export const WORKER_FIXTURE = path.resolve("lib/testing/data-flow-worker-process.ts");

/** A devices request a worker process announced, in the order the test heard them. */
export interface WorkerPage {
  pid: number;
  filter: string | null;
  first: boolean;
}

export interface WorkerProcess {
  pid: number;
  child: ChildProcess;
  /** Hands runs to this process's queue (its retry and expiry options), over IPC. */
  queue: RunQueue;
  /** Resolves when it said it stopped: every message it sent before has arrived. */
  stopped: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote to stdout and stderr, for a failure message. */
  output(): string;
}

type Message = Record<string, unknown> | null;

export interface WorkerEnv {
  allowHosts: string;
  expireSeconds: number;
  pageSize: number;
}

/** Starts a worker process on this run's database; every devices request it makes lands in `pages`. */
export async function startWorkerProcess(env: WorkerEnv, pages: WorkerPage[]): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_FIXTURE], {
    env: {
      ...process.env,
      ...sharedSecretsEnv(),
      LATCHKEY_LOG_LEVEL: "info",
      LATCHKEY_LOG_FORMAT: "json",
      LATCHKEY_OUTBOUND_ALLOW_HOSTS: env.allowHosts,
      LATCHKEY_TEST_EXPIRE_SECONDS: String(env.expireSeconds),
      LATCHKEY_TEST_PAGE_SIZE: String(env.pageSize),
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-8_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = exitOf(child);
  const said = (kind: string) =>
    new Promise<unknown>((resolve, reject) => {
      child.on("message", (message: Message) => {
        if (message && kind in message) resolve(message[kind]);
      });
      exited.then(({ code, signal }) =>
        reject(new Error(`worker exited (${signal ?? code}) before "${kind}":\n${output}`)),
      );
    });
  const stopped = said("stopped").then(() => undefined);
  stopped.catch(() => {});
  child.on("message", (message: Message) => {
    const page = message?.page as WorkerPage | undefined;
    if (page) pages.push(page);
  });
  const ready = (await said("ready")) as { pid: number };

  const queue: RunQueue = {
    enqueue: (run) =>
      new Promise((resolve, reject) => {
        const answer = (message: Message) => {
          const failed = message?.enqueueFailed as { id: string; message: string } | undefined;
          if (message?.enqueued === run.id) resolve();
          else if (failed?.id === run.id) reject(new Error(failed.message));
          else return;
          child.off("message", answer);
        };
        child.on("message", answer);
        child.send({ enqueue: { id: run.id, flowId: run.flowId } }, (error) => error && reject(error));
      }),
  };
  return { pid: ready.pid, child, queue, stopped, exited, output: () => output };
}

/** SIGTERM, and SIGKILL if it has not exited within `graceMs`. */
export async function stopWorkerProcess(worker: WorkerProcess, graceMs = 30_000): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill("SIGTERM");
  const timer = setTimeout(() => worker.child.kill("SIGKILL"), graceMs);
  await worker.exited;
  clearTimeout(timer);
}
