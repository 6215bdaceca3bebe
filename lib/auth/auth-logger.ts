import { logFor } from "@/lib/log/logger";

const log = logFor("auth");

/**
 * Auth.js's logger. A wrong password is an expected outcome, not an error with a stack trace;
 * anything else is described, never printed as it is: what Auth.js wraps (a failed query during
 * sign-in, say) carries the query's values — the email, a digest.
 */
export const authLogger = {
  error(error: Error) {
    const type = (error as { type?: string }).type;
    // By `type`, which survives minification (class names do not); subclasses share it.
    if (type === "CredentialsSignin") return;
    log.error({ err: error, authErrorType: type }, "Auth.js reported an error");
  },
  warn() {},
};
