import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { CLIENT_ADDRESS_HEADER } from "@/lib/net/client-address";
import { authLogger } from "./auth-logger";
import { verifyConsoleCredentials } from "./verify-console-credentials";

/** Console sessions last eight hours of activity, and never longer than a working day after sign-in. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

declare module "next-auth" {
  interface Session {
    sessionVersion: number;
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
        const ip = request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
        const result = await verifyConsoleCredentials(email, password, ip);
        if (result.ok) return { ...result.user };
        if (result.reason === "rate_limited") throw new TooManyAttempts();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.sessionVersion = typeof token.sessionVersion === "number" ? token.sessionVersion : -1;
      return session;
    },
  },
});
