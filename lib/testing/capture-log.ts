import { redirectLog } from "@/lib/log/logger";

/** Everything the server logs from now on, at every level, until `stop()` (not a test itself). */
export function captureLog() {
  const lines: string[] = [];
  const restore = redirectLog((line) => void lines.push(line), "trace");
  return {
    lines,
    text: () => lines.join(""),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: restore,
  };
}
