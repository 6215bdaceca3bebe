import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { apiRequestLog, auditEvents, usageRollups } from "@/lib/db/schema";
import { basicAuth } from "@/lib/testing/oauth-test-support";
import {
  type Answer,
  call,
  exitOf,
  FIXTURE,
  freshDataDir,
  lineFrom,
  messageFrom,
  messagesFrom,
  type Ready,
  type Stopped,
  sharedSecretsEnv,
  spawnFixture,
} from "@/lib/testing/server-process";

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await sleep(20);
  }
}

/** One keep-alive connection held by the test: its socket's fate is observed. */
async function idleConnection(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let closedWith: { error: string | undefined; ended: boolean } | undefined;
  let ended = false;
  let error: string | undefined;
  const first = await new Promise<number | undefined>((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/console", agent }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode));
    });
    request.on("socket", (socket: net.Socket) => {
      socket.on("end", () => {
        ended = true;
      });
      socket.on("error", (failure: NodeJS.ErrnoException) => {
        error = failure.code;
      });
      socket.on("close", () => {
        closedWith = { error, ended };
      });
    });
  });
  return { agent, first, closed: () => closedWith };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.on("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("error", () => resolve(true));
  });
}

describe("graceful shutdown (a real server process)", () => {
  it("under keep-alive load: answers every request, closes connections as they go idle, flushes, exits 0", async () => {
    const data = freshDataDir();
    // A long linger, so that "a request arriving on an idle connection is served" does not
    // depend on how fast this machine is today.
    // Usage counts are handed to their writer only by the shutdown (see below).
    const child = spawnFixture({
      LATCHKEY_DATA_DIR: data.dir,
      LATCHKEY_TEST_LINGER_MS: "3000",
      LATCHKEY_TEST_USAGE_FLUSH_MS: "600000",
    });
    const stderr: string[] = [];
    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
    try {
      const ready = await messageFrom<Ready>(child, "ready");
      const stopped = messageFrom<Stopped>(child, "stopped");
      const exited = exitOf(child);
      const stopping = lineFrom(child, '"msg":"stopping');
      const secret = ready.secret ?? "";
      const token = {
        method: "POST",
        path: "/api/oauth/token",
        headers: {
          authorization: basicAuth(ready.clientId, secret),
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials",
      };
      const cases = {
        method: "GET",
        path: "/api/v1/cases",
        headers: { "api-key": ready.clientId, "api-secret": secret },
      };

      const answers: Array<Answer & { kind: "token" | "cases" }> = [];
      let serverGone = false;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
      const loop = async (kind: "token" | "cases") => {
        while (!serverGone) {
          const answer = await call(ready.port, agent, kind === "token" ? token : cases);
          answers.push({ ...answer, kind });
          if (answer.error === "ECONNREFUSED") serverGone = true;
        }
      };
      const loops = Array.from({ length: 8 }, (_, index) => loop(index % 2 === 0 ? "token" : "cases"));
      await until(() => answers.length >= 200);

      // Idle before the signal: one is left alone (the server must close it), one is used again
      // during the drain (its request must be served, not reset).
      const left = await idleConnection(ready.port);
      const reused = await idleConnection(ready.port);
      const slow = call(ready.port, new http.Agent({ keepAlive: true }), { method: "GET", path: "/slow" });
      await sleep(200);
      child.kill("SIGTERM");
      const stoppingAt = await stopping;
      await sleep(300);
      const reusedAgain = await call(ready.port, reused.agent, { method: "GET", path: "/console" });

      const slowAnswer = await slow;
      await Promise.all(loops);
      const { code, batchedWrites, usage } = await stopped;
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(code).toBe(0);

      // Every request was answered; the only failures are connections refused once it had gone.
      expect(answers.filter((answer) => answer.error && answer.error !== "ECONNREFUSED")).toEqual([]);
      expect(answers.filter((answer) => answer.status !== null && answer.status !== 200)).toEqual([]);
      // After the server said it was stopping, every answer says Connection: close.
      const late = answers.filter((answer) => answer.status !== null && answer.sentAt > stoppingAt);
      expect(late.filter((answer) => answer.connection !== "close")).toEqual([]);
      // The request in flight at the signal finished, and closed its connection after it.
      expect(slowAnswer).toMatchObject({ status: 200, connection: "close", error: undefined });
      // A request arriving on a connection idle at the signal is served, with close.
      expect(left.first).toBe(200);
      expect(reusedAgain).toMatchObject({ status: 200, connection: "close", error: undefined });
      // The connection left idle was closed by the server cleanly (FIN), not reset.
      await until(() => left.closed() !== undefined, 5_000);
      expect(left.closed()).toEqual({ error: undefined, ended: true });

      // The batched API request log was written before exit: one row per /api/v1 answer.
      const logged = answers.filter((answer) => answer.kind === "cases" && answer.status === 200).length;
      expect(batchedWrites["api-request-log"]).toMatchObject({ written: logged, dropped: 0, held: 0 });
      // So were the security events: one "access token issued" per token answered.
      const issued = answers.filter((answer) => answer.kind === "token" && answer.status === 200).length;
      expect(batchedWrites["security-events"]).toMatchObject({ written: issued, dropped: 0, held: 0 });
      // Usage counted every answer, handed the counts over at shutdown and wrote them all.
      expect(usage).toEqual({ counted: logged + issued, dropped: 0, keys: 0 });
      expect(batchedWrites["usage-rollups"]).toMatchObject({ dropped: 0, held: 0 });
      if (readConfig().databaseUrl) {
        const db = await getDb();
        const [row] = await db
          .select({ rows: count() })
          .from(apiRequestLog)
          .where(and(eq(apiRequestLog.clientId, ready.clientId), eq(apiRequestLog.status, 200)));
        expect(row?.rows).toBe(logged);
        const [events] = await db
          .select({ rows: count() })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.action, "access_token.issued"),
              sql`${auditEvents.details}->>'client_id' = ${ready.clientId}`,
            ),
          );
        expect(events?.rows).toBe(issued);
        const rollups = await db
          .select({ endpoint: usageRollups.endpoint, count: usageRollups.count })
          .from(usageRollups)
          .where(and(eq(usageRollups.subjectId, ready.clientId), eq(usageRollups.granularity, "hour")));
        const counted = (endpoint: string) =>
          rollups
            .filter((rollup) => rollup.endpoint === endpoint)
            .reduce((total, rollup) => total + rollup.count, 0);
        expect({ api: counted("api"), token: counted("token") }).toEqual({ api: logged, token: issued });
      }
    } catch (error) {
      throw new Error(`${(error as Error).message}\nserver stderr:\n${stderr.join("")}`, { cause: error });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      data.remove();
    }
  }, 90_000);

  it.skipIf(!readConfig().databaseUrl)(
    "with workers (PostgreSQL): each worker finishes, flushes and exits 0, and so does the primary",
    async () => {
      const data = freshDataDir();
      const primary = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
        env: {
          ...process.env,
          LATCHKEY_LOG_LEVEL: "warn",
          LATCHKEY_DATA_DIR: data.dir,
          LATCHKEY_TEST_WORKERS: "2",
          ...sharedSecretsEnv(),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const stderr: string[] = [];
      primary.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
      try {
        const ready = await messageFrom<Ready & { workers: number[] }>(primary, "ready");
        const stopped = messagesFrom<Stopped>(primary, "stopped");
        const exited = exitOf(primary);
        const secret = ready.secret ?? "";
        const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
        const cases = { "api-key": ready.clientId, "api-secret": secret };
        const answers = await Promise.all(
          Array.from({ length: 30 }, () =>
            call(ready.port, agent, { method: "GET", path: "/api/v1/cases", headers: cases }),
          ),
        );
        expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(200));
        const slow = call(ready.port, new http.Agent({ keepAlive: true }), { method: "GET", path: "/slow" });
        await sleep(200);
        primary.kill("SIGTERM");
        expect(await slow).toMatchObject({ status: 200, connection: "close", error: undefined });
        expect(await exited).toEqual({ code: 0, signal: null });
        expect(stopped.map((worker) => worker.pid).sort()).toEqual([...ready.workers].sort());
        expect(stopped.map((worker) => worker.code)).toEqual([0, 0]);
        // Whichever worker served a call wrote its API-log row before it exited.
        const written = stopped.reduce(
          (total, worker) => total + (worker.batchedWrites["api-request-log"]?.written ?? 0),
          0,
        );
        expect(written).toBe(30);
        for (const worker of stopped)
          expect(worker.batchedWrites["api-request-log"] ?? { dropped: 0, held: 0 }).toMatchObject({
            dropped: 0,
            held: 0,
          });
        for (const pid of ready.workers) expect(isRunning(pid)).toBe(false);
      } catch (error) {
        throw new Error(`${(error as Error).message}\nserver stderr:\n${stderr.join("")}`, { cause: error });
      } finally {
        if (primary.exitCode === null && primary.signalCode === null) primary.kill("SIGKILL");
        data.remove();
      }
    },
    60_000,
  );

  it("npm start hands SIGTERM to the server (no process in between), which stops and exits 0", async () => {
    const { scripts } = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
      scripts: Record<string, string>;
    };
    const start = scripts.start ?? "";
    // The real script's shape; the server it starts is swapped for the fixture (no Next build).
    expect(start).toBe("exec node --import tsx scripts/start.ts");
    const data = freshDataDir();
    fs.writeFileSync(
      path.join(data.dir, "package.json"),
      JSON.stringify({
        name: "latchkey-npm-signal-test",
        private: true,
        scripts: { start: start.replace("scripts/start.ts", FIXTURE) },
      }),
    );
    // What the server reads from its working folder: packages and migrations.
    for (const shared of ["node_modules", "drizzle"])
      fs.symlinkSync(path.resolve(shared), path.join(data.dir, shared));
    const npm = spawn("npm", ["start", "--silent"], {
      cwd: data.dir,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: path.resolve("tsconfig.json"),
        LATCHKEY_DATA_DIR: path.join(data.dir, "data"),
        LATCHKEY_LOG_LEVEL: "warn",
        ...sharedSecretsEnv(),
        npm_config_update_notifier: "false",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr: string[] = [];
    npm.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
    let serverPid: number | undefined;
    try {
      const ready = await messageFrom<Ready>(npm, "ready");
      serverPid = ready.pid;
      const stopped = messageFrom<Stopped>(npm, "stopped");
      npm.kill("SIGTERM");
      expect(await exitOf(npm)).toEqual({ code: 0, signal: null });
      // npm waits for its child: by now the server has stopped — or, had the signal not reached
      // it, is still running without a word.
      const stoppedOrNot = await Promise.race([stopped, sleep(3_000).then(() => null)]);
      expect(stoppedOrNot?.code).toBe(0);
      expect(isRunning(ready.pid)).toBe(false);
      expect(await refusesConnections(ready.port)).toBe(true);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nnpm stderr:\n${stderr.join("")}`, { cause: error });
    } finally {
      if (npm.exitCode === null && npm.signalCode === null) npm.kill("SIGKILL");
      if (serverPid !== undefined && isRunning(serverPid)) process.kill(serverPid, "SIGKILL");
      data.remove();
    }
  }, 60_000);
});
