import { type ChildProcess, spawn } from "node:child_process";

/**
 * Starts a script as `node --import tsx <script>`, as `npm start` runs the server: one process,
 * so the child's pid is the server's own (whose memory the import bench reads) and SIGTERM
 * reaches it directly. With a profile folder, V8 writes a CPU profile there (V8 refuses
 * --cpu-prof in NODE_OPTIONS, hence the flag on the command line). Its output is indented
 * under the bench's.
 */
export function start(script: string, env: Record<string, string>, profileDir?: string): ChildProcess {
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(`    ${chunk.toString().trimEnd()}\n`));
  return child;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
