/**
 * Work to stop before the database closes on a graceful shutdown (the data flow worker
 * interrupts its run and queues it again). Kept on globalThis so that every copy of the
 * module registers into the one list the start script's shutdown runs.
 */
type Task = () => Promise<void>;
const KEY = Symbol.for("latchkey.shutdown.tasks");
const store = globalThis as typeof globalThis & { [KEY]?: Task[] };

export function onShutdown(task: Task): void {
  store[KEY] ??= [];
  store[KEY].push(task);
}

/** Runs every task once, side by side; a failing task does not stop the others. */
export async function runShutdownTasks(): Promise<PromiseSettledResult<void>[]> {
  const tasks = store[KEY] ?? [];
  store[KEY] = [];
  return Promise.allSettled(tasks.map((task) => task()));
}
