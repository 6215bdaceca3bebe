/** "5 s", "0.5 s": a time limit as an error message states it. */
export function describeSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** "1 MiB", "512 KiB", "100 bytes": a size limit as an error message states it. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
