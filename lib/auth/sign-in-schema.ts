import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").max(320, "Email is too long"),
  password: z.string().min(1, "Enter your password").max(1024, "Password is too long"),
});

/** When the database cannot be reached: nothing about the credentials was decided. */
export const SIGN_IN_UNAVAILABLE = "Latchkey cannot check your sign-in right now. Try again in a moment.";

/** One message for an unknown email and a wrong password alike. */
export const INVALID_CREDENTIALS = "Incorrect email or password.";

export function tooManyAttemptsMessage(minutes: number): string {
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
