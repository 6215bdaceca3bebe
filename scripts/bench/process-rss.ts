import { execFileSync } from "node:child_process";
import fs from "node:fs";

const KIB_PER_MIB = 1024;

function procStatusMiB(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, "m").exec(status)?.[1];
    return kib ? Number(kib) / KIB_PER_MIB : null;
  } catch {
    return null;
  }
}

/** A process's resident set size in MiB (VmRSS on Linux, `ps` elsewhere); null once it is gone. */
export function residentMiB(pid: number): number | null {
  if (process.platform === "linux") return procStatusMiB(pid, "VmRSS");
  try {
    const kib = Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim());
    return Number.isFinite(kib) && kib > 0 ? kib / KIB_PER_MIB : null;
  } catch {
    return null;
  }
}

/** The kernel's high-water mark of the process's RSS since it started (Linux only), in MiB. */
export function peakResidentMiB(pid: number): number | null {
  return process.platform === "linux" ? procStatusMiB(pid, "VmHWM") : null;
}

export interface RssSample {
  at: number;
  mib: number;
  /** What the caller reported when the sample was taken (for the import: pages served so far). */
  mark: number;
}

/** Samples the process's RSS every `intervalMs` until stopped; `mark` tags each sample. */
export function sampleRss(pid: number, mark: () => number, intervalMs = 100) {
  const samples: RssSample[] = [];
  const take = () => {
    const mib = residentMiB(pid);
    if (mib !== null) samples.push({ at: Date.now(), mib, mark: mark() });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    samples,
    stop(): RssSample[] {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
