"use server";

import { cookies } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { currentClientAddress } from "@/lib/auth/current-user";
import { DEVICE_COOKIE } from "@/lib/auth/device-cookie";
import { checkSignInAllowance, signInSource } from "@/lib/auth/sign-in-limits";
import {
  INVALID_CREDENTIALS,
  SIGN_IN_UNAVAILABLE,
  signInSchema,
  tooManyAttemptsMessage,
} from "@/lib/auth/sign-in-schema";
import { normalizeEmail } from "@/lib/auth/verify-console-credentials";
import { asDatabaseUnavailable } from "@/lib/db/errors";
import { type ActionState, failure } from "@/lib/forms/action-state";
import { fieldErrorsOf } from "@/lib/forms/field-errors-of";

export async function signInAction(_previous: ActionState | null, formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return failure("Enter your email and password.", fieldErrorsOf(parsed.error));
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      const email = normalizeEmail(parsed.data.email);
      const deviceCookie = (await cookies()).get(DEVICE_COOKIE)?.value;
      const allowance = await checkSignInAllowance(
        email,
        signInSource(email, await currentClientAddress(), deviceCookie),
      );
      return failure(tooManyAttemptsMessage(allowance.allowed ? 1 : allowance.retryAfterMinutes));
    }
    // An outage is not a wrong password: say so, and nothing was counted against the account.
    if (asDatabaseUnavailable(error)) return failure(SIGN_IN_UNAVAILABLE);
    if (error instanceof AuthError) return failure(INVALID_CREDENTIALS);
    throw error; // the redirect that follows a successful sign-in
  }
}
