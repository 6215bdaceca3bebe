import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createQueueRetrying } from "./create-queue-retrying";

/** Queues as startDataFlowQueue makes them: a dead-letter queue, one that refers to it, one that does not. */
const QUEUES: PgBoss.Queue[] = [
  { name: "dead" },
  { name: "runs", policy: "singleton", deadLetter: "dead", retryLimit: 2, expireInSeconds: 60 },
  { name: "scheduler", policy: "singleton" },
];

const started: PgBoss[] = [];
const schemas: string[] = [];

afterEach(async () => {
  for (const boss of started.splice(0)) await boss.stop({ graceful: false, wait: true });
  const db = await getDb();
  for (const schema of schemas.splice(0))
    await db.execute(sql.raw(`drop schema if exists ${schema} cascade`));
});

describe.skipIf(!process.env.DATABASE_URL)("creating the job queues", () => {
  it("succeeds in two instances that create the queues of a fresh database at once", async () => {
    // A pg-boss schema of its own stands for a fresh database: none of the queues exist yet.
    const schema = `pgboss_race_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    schemas.push(schema);
    const start = async () => {
      const boss = new PgBoss({
        connectionString: process.env.DATABASE_URL,
        schema,
        max: 2,
        supervise: false,
        schedule: false,
      });
      boss.on("error", () => {});
      started.push(boss);
      await boss.start();
      for (const queue of QUEUES) await createQueueRetrying(boss, queue);
      return boss;
    };
    const [first] = await Promise.all([start(), start()]);
    const made = (await first.getQueues()).map((queue) => [
      queue.name,
      queue.policy,
      queue.deadLetter ?? null,
    ]);
    expect(made.sort()).toEqual([
      ["dead", "standard", null],
      ["runs", "singleton", "dead"],
      ["scheduler", "singleton", null],
    ]);
  });
});
