/**
 * A data flow worker process for the processes test (data-flow-queue-processes.test.ts): the
 * durable queue of lib/data-flows/queue/data-flow-queue.ts on the PostgreSQL database of
 * DATABASE_URL, with an expiry, retry delay and polling short enough for a test. Run as
 * `node --import tsx lib/testing/data-flow-worker-process.ts`; it does not migrate (the test
 * did). Never imported by app code.
 *
 * It says, over its IPC channel (or as JSON lines on stdout without one):
 * - `{ ready: { pid } }` once it takes jobs;
 * - `{ page: { pid, filter, first } }` before each devices request, so the test knows which
 *   process holds a run (each test flow has its own filter) and where each paging started;
 * - `{ enqueued: runId }` once a run the test sent as `{ enqueue: { id, flowId } }` is queued
 *   (through this process's queue, with its retry and expiry options), or `{ enqueueFailed }`;
 * - `{ stopped: { pid } }` after SIGTERM stopped the queue, then exits 0.
 *
 * Environment: LATCHKEY_TEST_EXPIRE_SECONDS (default 15) must exceed the longest run, since
 * pg-boss 10 has no heartbeat: a job held longer is retried elsewhere while it still runs.
 * LATCHKEY_TEST_PAGE_SIZE (default 10); LATCHKEY_OUTBOUND_ALLOW_HOSTS admits the fake Axonius.
 */

import { startDataFlowQueue } from "@/lib/data-flows/queue/data-flow-queue";
import { closeDb } from "@/lib/db/client";
import { createOutboundClient, type OutboundClient } from "@/lib/net/outbound/outbound-client";

type Message = Record<string, unknown>;

function say(message: Message): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) {
    process.stdout.write(`${JSON.stringify(message)}\n`);
    return Promise.resolve();
  }
  return new Promise((resolve) => send(message, () => resolve()));
}

/** What a devices request asks for: the flow's filter and whether it starts a paging. */
function pageOf(body: unknown): { filter: string | null; first: boolean } {
  try {
    const attributes = JSON.parse(String(body))?.data?.attributes ?? {};
    return { filter: attributes.filter ?? null, first: !attributes.cursor_id };
  } catch {
    return { filter: null, first: false };
  }
}

if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is required: processes share a database server");

const guarded = createOutboundClient();
const client: OutboundClient = {
  checkUrl: (url) => guarded.checkUrl(url),
  dispatcher: guarded.dispatcher,
  close: () => guarded.close(),
  async request(url, request) {
    if (new URL(url).pathname === "/api/devices")
      await say({ page: { pid: process.pid, ...pageOf(request?.body) } });
    return guarded.request(url, request);
  },
};

const queue = await startDataFlowQueue({
  schedule: false,
  expireInMinutes: Number(process.env.LATCHKEY_TEST_EXPIRE_SECONDS || 15) / 60,
  maintenanceIntervalSeconds: 1,
  retryDelaySeconds: 1,
  pollingIntervalSeconds: 0.5,
  run: {
    client,
    pageSize: Number(process.env.LATCHKEY_TEST_PAGE_SIZE || 10),
    retry: { baseDelayMs: 100, maxDelayMs: 500, timeoutMs: 10_000 },
  },
});

process.on("message", (message: Message) => {
  const run = message.enqueue as { id: string; flowId: string } | undefined;
  if (!run) return;
  queue.enqueue(run).then(
    () => say({ enqueued: run.id }),
    (error: Error) => say({ enqueueFailed: { id: run.id, message: error.message } }),
  );
});

process.once("SIGTERM", async () => {
  await queue.stop();
  await client.close();
  await closeDb();
  await say({ stopped: { pid: process.pid } });
  process.exit(0);
});

await say({ ready: { pid: process.pid } });
