import { cookies } from "next/headers";
import { publicBaseUrl } from "@/lib/config/public-urls";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieAfterSignIn } from "./device-cookie";

/** Gives the browser that just signed in its device cookie for this account (see device-cookie.ts). */
export async function rememberDevice(email: string, current: string | undefined): Promise<void> {
  const jar = await cookies();
  jar.set(DEVICE_COOKIE, deviceCookieAfterSignIn(current, email), {
    httpOnly: true,
    sameSite: "lax",
    secure: publicBaseUrl().startsWith("https://"),
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}
