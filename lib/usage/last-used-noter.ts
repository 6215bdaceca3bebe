import { BatchedWriter, sharedWriter } from "./batched-writer";

/** `last used` is kept to the minute: finer would mean a write per request. */
const RESOLUTION_MS = 60_000;

/**
 * Notes uses of rows (personal tokens, legacy keys, users' Basic calls) and hands their ids
 * to `write` in batches, off the request path: at most one write per row per minute per process.
 */
export function lastUsedNoter(name: string, write: (ids: string[]) => Promise<void>) {
  const lastNoted = new Map<string, number>();
  const writer = () =>
    sharedWriter(name, () => new BatchedWriter<string>(name, (ids) => write([...new Set(ids)])));
  return {
    note(id: string, now = Date.now()): void {
      if (now - (lastNoted.get(id) ?? 0) < RESOLUTION_MS) return;
      if (lastNoted.size > 100_000) lastNoted.clear();
      lastNoted.set(id, now);
      writer().add(id);
    },
    flush: (): Promise<void> => writer().flush(),
  };
}
