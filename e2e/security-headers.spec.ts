import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The console's main pages; detail pages are reached from their lists. */
const PAGES = [
  "/",
  "/admin",
  "/admin/api-settings",
  "/admin/api-settings/clients/new",
  "/admin/api-settings/security",
  "/admin/api-settings/tokens",
  "/admin/users",
  "/admin/users/new",
  "/admin/roles",
  "/admin/roles/new",
  "/integrations",
  "/data-flows",
  "/devices",
  "/profile",
  "/docs/api",
  "/docs/access-and-authorization",
];

/** Records CSP violations (the browser's own event) and console errors from the first script on. */
async function watchForViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile})`);
    });
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    // Failed loads are reported below with their address, which the console message lacks.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      errors.push(message.text());
    }
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    // The browser asks for /favicon.ico on its own; the console has no icon (not a policy matter).
    if (response.status() >= 400 && new URL(response.url()).pathname !== "/favicon.ico") {
      errors.push(`${response.status()} ${response.url()}`);
    }
  });
  return async () => {
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
    return { violations, errors: errors.splice(0) };
  };
}

/** True once React has hydrated the page: its elements then carry React's internal keys. */
function isHydrated(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector("main") ?? document.body;
    return Object.keys(main).some((key) => key.startsWith("__reactFiber"));
  });
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  if (!response) throw new Error(`no response for ${path}`);
  await page.waitForLoadState("networkidle");
  return response;
}

test.describe("security headers", () => {
  test("every console page carries a nonce-based policy and runs without a violation", async ({
    adminPage: page,
  }) => {
    const collect = await watchForViolations(page);
    const paths = [...PAGES];
    for (const [list, linkPattern] of [
      ["/admin/api-settings", /^\/admin\/api-settings\/clients\/(?!new)/],
      ["/admin/users", /^\/admin\/users\/(?!new)/],
      ["/admin/roles", /^\/admin\/roles\/(?!new)/],
    ] as const) {
      await visit(page, list);
      const hrefs = await page
        .locator("main a[href]")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      const detail = hrefs.find((href) => linkPattern.test(href));
      if (detail) paths.push(detail);
    }
    expect(paths.length).toBeGreaterThan(PAGES.length);

    const nonces = new Set<string>();
    for (const path of paths) {
      const response = await visit(page, path);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      const policy = headers["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, `${path} has a script nonce`).toBeTruthy();
      nonces.add(nonce ?? "");
      expect(policy, path).toContain("'strict-dynamic'");
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).not.toContain("unsafe-inline");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("no-referrer");
      // Served over plain http here: no HSTS (it is sent when AUTH_URL or the request is https).
      expect(headers["strict-transport-security"], path).toBeUndefined();
      // Next put the nonce on its scripts: the page's own scripts all carry it.
      const scriptNonces = await page
        .locator("script")
        .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
      expect(scriptNonces.length, path).toBeGreaterThan(0);
      expect(new Set(scriptNonces), path).toEqual(new Set([nonce]));
      expect(await isHydrated(page), `${path} ran its scripts`).toBe(true);
      expect(await collect(), path).toEqual({ violations: [], errors: [] });
    }
    expect(nonces.size, "a fresh nonce per response").toBe(paths.length);
  });

  test("the sign-in page and the not-found page carry them too, and the console still works", async ({
    page,
  }) => {
    const collect = await watchForViolations(page);
    const signIn = await visit(page, "/sign-in");
    expect(signIn.headers()["content-security-policy"]).toContain("'nonce-");
    expect(await isHydrated(page)).toBe(true);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/enter your email/i).first()).toBeVisible();
    expect(await collect()).toEqual({ violations: [], errors: [] });

    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    expect(missing?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(missing?.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("a page that frames the console is refused by the browser", async ({ adminPage: page, baseURL }) => {
    const refusal = page.waitForEvent("console", (message) => message.text().includes("frame-ancestors"));
    await page.setContent(`<iframe title="console" src="${baseURL}/admin"></iframe>`);
    await refusal;
    const frame = page.frameLocator('iframe[title="console"]');
    await expect(frame.getByRole("heading", { name: "Admin", exact: true })).toHaveCount(0);
  });
});

test.describe("server actions from elsewhere", () => {
  const post = (page: Page, headers: Record<string, string>, data: string | Buffer = '["x"]') =>
    page.request.post("/admin/api-settings/clients/new", {
      headers: {
        "next-action": "40000000000000000000000000000000000000000",
        "content-type": "text/plain",
        ...headers,
      },
      data,
      maxRedirects: 0,
    });

  test("a foreign or null Origin is answered 403, an oversized body 413", async ({
    adminPage: page,
    baseURL,
  }) => {
    await page.goto("/admin/api-settings");
    for (const origin of ["https://attacker.example", "null"]) {
      const response = await post(page, { origin });
      expect(response.status(), origin).toBe(403);
      expect(response.headers()["content-type"]).toBe("application/problem+json");
    }
    const oversized = await post(page, { origin: baseURL ?? "" }, Buffer.alloc(1024 * 1024 + 1, "x"));
    expect(oversized.status()).toBe(413);
  });
});
