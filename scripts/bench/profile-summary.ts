import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The functions with the most self time in the largest V8 CPU profile of a folder (the server's main thread). */
export function topFunctions(folder: string, count = 5): string[] {
  const files = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith(".cpuprofile"))
    .map((file) => path.join(folder, file))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  const largest = files[0];
  if (!largest) return [];
  const profile = JSON.parse(fs.readFileSync(largest, "utf8")) as { nodes: ProfileNode[] };
  const totals = new Map<string, number>();
  let all = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    all += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url
      ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/main\//, "")}:${lineNumber + 1}`
      : "";
    const key = `${functionName || "(anonymous)"} ${where}`.trim();
    if (functionName === "(idle)" || functionName === "(program)") continue;
    totals.set(key, (totals.get(key) ?? 0) + hits);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => `${((hits / Math.max(all, 1)) * 100).toFixed(1)}%  ${name}`);
}
