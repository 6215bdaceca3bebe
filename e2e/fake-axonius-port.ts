/**
 * Where the e2e runs' fake Axonius listens: a fixed loopback port derived from the e2e
 * server's (3979 beside the default 3100), so that runs on different E2E_PORTs do not collide,
 * and the LATCHKEY_OUTBOUND_ALLOW_HOSTS entry that lets the e2e server reach it (literal
 * host:port, as lib/net/outbound/allow-hosts.ts compares them). Kept apart from the fixtures so
 * that playwright.config.ts can read it.
 */
const e2ePort = Number(process.env.E2E_PORT || 3100);

export const FAKE_AXONIUS_PORT = Number(process.env.E2E_FAKE_AXONIUS_PORT || e2ePort + 879);
export const FAKE_AXONIUS_ALLOW_HOST = `localhost:${FAKE_AXONIUS_PORT}`;
export const FAKE_AXONIUS_HOST_URL = `http://localhost:${FAKE_AXONIUS_PORT}`;
