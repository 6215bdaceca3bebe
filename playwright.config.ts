import { defineConfig } from "@playwright/test";
import { FAKE_AXONIUS_ALLOW_HOST } from "./e2e/fake-axonius-port";
import { DEMO_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./e2e/test-accounts";
import { WEBHOOK_RECEIVER_ALLOW_HOST } from "./e2e/webhook-receiver-port";

/**
 * Browser tests against the production build (`npm run build` first: scripts/test.sh does),
 * in Debian's Chromium, on a fresh database made for each run (see e2e/start-test-server.ts).
 */
const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // One server on one database: the embedded database is a single connection, and the
  // machine has two cores. Tests make their own users, so they also run in any order.
  workers: 1,
  fullyParallel: false,
  // A flaky test is a bug to fix, not to retry.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // Fail a step that cannot happen within seconds, rather than at the test's timeout.
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    command: "node_modules/.bin/tsx e2e/start-test-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    // Building is scripts/test.sh's job; this covers creating and seeding a fresh database
    // (and a first build when someone runs `npm run test:e2e` with no build at all).
    timeout: 240_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      AUTH_URL: baseURL,
      LATCHKEY_ADMIN_EMAIL: DEMO_ADMIN_EMAIL,
      LATCHKEY_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      // The fake Axonius that e2e/outbound-credentials.spec.ts starts on loopback, and the
      // webhook receiver of e2e/webhooks.spec.ts.
      LATCHKEY_OUTBOUND_ALLOW_HOSTS: [FAKE_AXONIUS_ALLOW_HOST, WEBHOOK_RECEIVER_ALLOW_HOST].join(","),
    },
  },
});
