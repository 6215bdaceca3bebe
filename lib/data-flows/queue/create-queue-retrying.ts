import type PgBoss from "pg-boss";

/**
 * pg-boss 10's createQueue, retried when PostgreSQL aborts it as a deadlock. Two processes
 * creating the queues of a fresh database at once (LATCHKEY_WORKERS, or replicas started
 * together) deadlock every time: pg-boss's create_queue inserts the queue row and attaches
 * the queue's partition in one transaction, and each waits for the other's locks. PostgreSQL
 * aborts one; its retry finds the queue made and does nothing.
 */
const DEADLOCK_DETECTED = "40P01";

export async function createQueueRetrying(boss: PgBoss, queue: PgBoss.Queue, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (attempt >= attempts || (error as { code?: unknown }).code !== DEADLOCK_DETECTED) throw error;
      // Apart by a random moment, so the two do not meet again on the next queue.
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80 * attempt));
    }
  }
}
