/**
 * Where the e2e runs' webhook receiver listens: a fixed loopback port derived from the e2e
 * server's (3980 beside the default 3100, next to the fake Axonius's 3979), and the
 * LATCHKEY_OUTBOUND_ALLOW_HOSTS entry that lets the e2e server deliver to it over plain http.
 * Kept apart from the fixtures so that playwright.config.ts can read it.
 */
const e2ePort = Number(process.env.E2E_PORT || 3100);

export const WEBHOOK_RECEIVER_PORT = Number(process.env.E2E_WEBHOOK_RECEIVER_PORT || e2ePort + 880);
export const WEBHOOK_RECEIVER_ALLOW_HOST = `localhost:${WEBHOOK_RECEIVER_PORT}`;
export const WEBHOOK_RECEIVER_URL = `http://localhost:${WEBHOOK_RECEIVER_PORT}`;
