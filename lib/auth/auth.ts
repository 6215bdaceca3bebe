import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { clientAddressOf } from "@/lib/http/client-address-of";
import { authLogger } from "./auth-logger";
import { endConsoleSession, isSessionId, startConsoleSession } from "./console-sessions";
import { cookieFromHeader, DEVICE_COOKIE } from "./device-cookie";
import { rememberDevice } from "./remember-device";
import { verifyConsoleCredentials } from "./verify-console-credentials";

/**
 * Console sessions lapse after eight hours without activity (the cookie's sliding expiry), and
 * end SESSION_ABSOLUTE_MAX_AGE_SECONDS after sign-in whatever the activity (the server-side
 * session row, checked on every request; see ./console-sessions.ts).
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

declare module "next-auth" {
  interface Session {
    sessionVersion: number;
    /** The server-side session; empty for a cookie minted before sessions were recorded. */
    sessionId: string;
  }
  interface User {
    sessionVersion?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: authLogger,
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials.email === "string" ? credentials.email : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        if (!email || !password) return null;
        const ip = clientAddressOf(request);
        const deviceCookie = cookieFromHeader(request.headers.get("cookie"), DEVICE_COOKIE);
        const result = await verifyConsoleCredentials(email, password, ip, deviceCookie);
        if (result.ok) {
          await rememberDevice(result.user.email, deviceCookie);
          return { ...result.user };
        }
        if (result.reason === "rate_limited") throw new TooManyAttempts();
        return null;
      },
    }),
  ],
  callbacks: {
    // Runs with `user` only at sign-in: that is when the server-side session is made.
    async jwt({ token, user }) {
      if (user?.id) {
        const sessionId = await startConsoleSession(await getDb(), user.id);
        if (!sessionId) throw new Error("The user could not be signed in.");
        token.sub = user.id;
        token.sid = sessionId;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.sessionId = isSessionId(token.sid) ? token.sid : "";
      session.sessionVersion = typeof token.sessionVersion === "number" ? token.sessionVersion : -1;
      return session;
    },
  },
  events: {
    // Auth.js's own sign-out route; the console's sign-out action also ends the session itself.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (isSessionId(token?.sid)) await endConsoleSession(await getDb(), token.sid, "signed_out");
    },
  },
});
