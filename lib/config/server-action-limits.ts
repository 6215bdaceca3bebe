/**
 * The largest request body a console server action accepts: 1 MiB, far above any console form.
 * Next enforces it while reading (next.config.ts), and Latchkey's server refuses a larger
 * declared body with 413 before Next reads anything (lib/server/console-request-guard.ts).
 * Plain constants: next.config.ts imports this file.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
