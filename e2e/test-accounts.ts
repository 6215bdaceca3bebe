/**
 * The accounts the e2e server is seeded with. Kept apart from the fixtures so that
 * playwright.config.ts can read them without loading Playwright's test machinery.
 */

/** The password every seeded administrator gets in e2e runs (LATCHKEY_ADMIN_PASSWORD). */
export const E2E_ADMIN_PASSWORD = "e2e-Latchkey-Admin-Pass-2026";

export const DEMO_ADMIN_EMAIL = "admin@example.com";
export const NORTHWIND_ADMIN_EMAIL = "admin@northwind.example";
export const FABRIKAM_ADMIN_EMAIL = "admin@fabrikam.example";

export const SEEDED_ADMINS = [
  { organization: "Demo Agency", email: DEMO_ADMIN_EMAIL, plan: "enterprise" },
  { organization: "Northwind Agency", email: NORTHWIND_ADMIN_EMAIL, plan: "standard" },
  { organization: "Fabrikam", email: FABRIKAM_ADMIN_EMAIL, plan: "free" },
] as const;
