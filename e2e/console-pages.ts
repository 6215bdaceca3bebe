/**
 * Every page the console can show, keyed by the file in `app/` that renders it, with how a
 * person reaches it. accessibility.spec.ts checks each one with axe, and fails when a file in
 * `app/` renders a page this list does not name, so a new page cannot skip the check.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { createClientThroughForm, LIST_PATH, openClient, uniqueClientName } from "./api-client-steps";
import { AUDIT_LOG_PATH, eventRow, filterByAction } from "./audit-log-steps";
import {
  addCredentialInWizard,
  CREDENTIALS_PATH,
  createCredentialAndOpenIt,
  fakeAxoniusCredential,
  openAuthenticateStep,
  uniqueCredentialName,
} from "./credential-steps";
import { createDataFlowThroughWizard, credentialForFake, uniqueFlowName } from "./data-flow-steps";
import { FAKE_AXONIUS_PORT } from "./fake-axonius-port";
import { expect } from "./fixtures";
import { addEndpointThroughForm, uniqueEndpointUrl, WEBHOOKS_PATH } from "./webhook-steps";

/** Who looks at the page: nobody signed in, Demo Agency's administrator, or a member without Admin. */
export type Viewer = "anonymous" | "admin" | "member";

export interface ConsolePage {
  /** The file under `app/` that renders it, as the folder spells it. */
  file: string;
  viewer: Viewer;
  /** Goes to the page (making whatever data it shows) and waits until it is there. */
  open: (page: Page, testInfo: TestInfo) => Promise<void>;
}

/** Goes to a path and waits for its one top-level heading. */
async function visit(page: Page, url: string, heading: string | RegExp): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** A seeded data user's page (not the administrator's own, whose controls are all disabled). */
async function openSeededUser(page: Page): Promise<void> {
  await page.goto("/admin/users?q=Avery");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("button", { name: "Deactivate user" })).toBeEnabled();
}

/** A client made for the check, so its page shows secrets, permissions and the lifecycle controls. */
async function openNewClient(page: Page, testInfo: TestInfo): Promise<void> {
  const name = uniqueClientName(testInfo, "Accessibility check");
  await createClientThroughForm(page, name, ["Cases Read"]);
  await openClient(page, name);
}

/** An audit event with a change to show: a client made for the check, then disabled. */
async function openChangeInAuditLog(page: Page, testInfo: TestInfo): Promise<void> {
  const name = uniqueClientName(testInfo, "Accessibility audit");
  const { clientId } = await createClientThroughForm(page, name, ["Cases Read"]);
  await openClient(page, name);
  await page.getByRole("button", { name: "Disable client" }).click();
  await expect(page.getByRole("button", { name: "Enable client" })).toBeVisible();
  await page.goto(AUDIT_LOG_PATH);
  await filterByAction(page, "Client disabled");
  await eventRow(page, clientId).getByRole("link", { name: "Client disabled" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Client disabled" })).toBeVisible();
  await expect(page.getByRole("table", { name: "What the event changed" })).toBeVisible();
}

/** The wizard's Authenticate step with a credential just added: its tiles, one selected. */
async function openWizardWithTiles(page: Page, testInfo: TestInfo): Promise<void> {
  await openAuthenticateStep(page);
  await addCredentialInWizard(
    page,
    fakeAxoniusCredential(uniqueCredentialName(testInfo, "Accessibility tile")),
  );
}

/** A credential made for the check, so its page shows its settings, last test and history. */
async function openNewCredential(page: Page, testInfo: TestInfo): Promise<void> {
  await createCredentialAndOpenIt(
    page,
    fakeAxoniusCredential(uniqueCredentialName(testInfo, "Accessibility check")),
  );
}

/** A data flow made for the check, so its page shows its settings and history. */
async function openNewDataFlow(page: Page, testInfo: TestInfo): Promise<void> {
  await createDataFlowThroughWizard(page, {
    name: uniqueFlowName(testInfo, "Accessibility flow"),
    credential: fakeAxoniusCredential(uniqueCredentialName(testInfo, "Accessibility flow credential")),
    schedule: "Every day",
  });
}

/** A finished run of a flow made for the check, against a small fake Axonius: counts, bar at 100 %. */
async function openFinishedRun(page: Page, testInfo: TestInfo): Promise<void> {
  const secrets = { apiKey: `a11y-key-${randomUUID()}`, apiSecret: `a11y-secret-${randomUUID()}` };
  const fake = await startFakeAxonius({ port: FAKE_AXONIUS_PORT, ...secrets, deviceCount: 25 });
  try {
    await createDataFlowThroughWizard(page, {
      name: uniqueFlowName(testInfo, "Accessibility run"),
      credential: credentialForFake(uniqueCredentialName(testInfo, "Accessibility run credential"), secrets),
    });
    await page.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Status:" })).toContainText("Succeeded", {
      timeout: 30_000,
    });
  } finally {
    await fake.close();
  }
}

export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    file: "app/(auth)/sign-in/page.tsx",
    viewer: "anonymous",
    open: (page) => visit(page, "/sign-in", "Sign in to the console"),
  },
  { file: "app/(console)/page.tsx", viewer: "admin", open: (page) => visit(page, "/", "Demo Agency") },
  { file: "app/(console)/admin/page.tsx", viewer: "admin", open: (page) => visit(page, "/admin", "Admin") },
  {
    file: "app/(console)/admin/users/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, "/admin/users", "Users"),
  },
  {
    file: "app/(console)/admin/users/new/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, "/admin/users/new", "Create user"),
  },
  {
    file: "app/(console)/admin/users/[userId]/page.tsx",
    viewer: "admin",
    open: (page) => openSeededUser(page),
  },
  {
    file: "app/(console)/admin/roles/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, "/admin/roles", "Roles"),
  },
  {
    file: "app/(console)/admin/roles/new/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, "/admin/roles/new", "Create role"),
  },
  {
    file: "app/(console)/admin/roles/[roleId]/page.tsx",
    viewer: "admin",
    open: async (page) => {
      await visit(page, "/admin/roles", "Roles");
      await page.getByRole("link", { name: "Investigator", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Investigator" })).toBeVisible();
    },
  },
  {
    file: "app/(console)/admin/api-settings/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, LIST_PATH, "API Access Clients"),
  },
  {
    file: "app/(console)/admin/api-settings/clients/new/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, `${LIST_PATH}/clients/new`, "Create Client"),
  },
  {
    file: "app/(console)/admin/api-settings/clients/[clientId]/page.tsx",
    viewer: "admin",
    open: openNewClient,
  },
  {
    file: "app/(console)/admin/api-settings/security/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, `${LIST_PATH}/security`, "Security"),
  },
  {
    file: "app/(console)/admin/api-settings/tokens/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, `${LIST_PATH}/tokens`, "Personal tokens"),
  },
  {
    file: "app/(console)/admin/credentials/page.tsx",
    viewer: "admin",
    open: async (page, testInfo) => {
      await openNewCredential(page, testInfo);
      await visit(page, CREDENTIALS_PATH, "Credentials");
      await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
    },
  },
  {
    file: "app/(console)/admin/credentials/[credentialId]/page.tsx",
    viewer: "admin",
    open: openNewCredential,
  },
  {
    file: "app/(console)/admin/webhooks/page.tsx",
    viewer: "admin",
    open: async (page, testInfo) => {
      // With an endpoint in it, so the table is checked too.
      await addEndpointThroughForm(page, {
        url: uniqueEndpointUrl(testInfo, "accessibility list"),
        events: ["Client disabled"],
      });
      await visit(page, WEBHOOKS_PATH, "Webhooks");
      await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
    },
  },
  {
    file: "app/(console)/admin/audit-log/page.tsx",
    viewer: "admin",
    open: async (page) => {
      await visit(page, AUDIT_LOG_PATH, "Audit log");
      await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
    },
  },
  {
    file: "app/(console)/admin/webhooks/new/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, `${WEBHOOKS_PATH}/new`, "Add endpoint"),
  },
  {
    file: "app/(console)/admin/webhooks/[endpointId]/page.tsx",
    viewer: "admin",
    open: async (page, testInfo) => {
      await addEndpointThroughForm(page, {
        url: uniqueEndpointUrl(testInfo, "accessibility endpoint"),
        events: ["Data flow paused", "Personal token expiring"],
      });
      // A delivery in the log, so its table is checked too. No receiver listens here: it is
      // refused and waits for its retry, error shown.
      await page.getByRole("button", { name: "Send test event" }).click();
      await expect(page.getByRole("region", { name: "Deliveries" }).getByRole("row").nth(1)).toContainText(
        /Retrying|Delivered/,
        { timeout: 30_000 },
      );
    },
  },
  {
    file: "app/(console)/admin/audit-log/[eventId]/page.tsx",
    viewer: "admin",
    open: openChangeInAuditLog,
  },
  {
    file: "app/(console)/data-flows/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, "/data-flows", "Data flows"),
  },
  {
    file: "app/(console)/data-flows/new/page.tsx",
    viewer: "admin",
    open: openWizardWithTiles,
  },
  {
    file: "app/(console)/data-flows/[flowId]/page.tsx",
    viewer: "admin",
    open: openNewDataFlow,
  },
  {
    file: "app/(console)/data-flows/[flowId]/runs/[runId]/page.tsx",
    viewer: "admin",
    open: openFinishedRun,
  },
  {
    file: "app/(console)/devices/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, "/devices", "Devices"),
  },
  {
    file: "app/(console)/integrations/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, "/integrations", "Integrations"),
  },
  {
    file: "app/(console)/profile/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, "/profile", "Profile"),
  },
  {
    file: "app/(console)/docs/api/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, "/docs/api", "API reference"),
  },
  {
    file: "app/(console)/docs/access-and-authorization/page.tsx",
    viewer: "admin",
    open: (page) => visit(page, "/docs/access-and-authorization", "Access and authorization"),
  },
  {
    file: "app/(console)/forbidden.tsx",
    viewer: "member",
    open: async (page) => {
      const response = await page.goto("/admin");
      expect(response?.status()).toBe(403);
      await expect(
        page.getByRole("heading", { level: 1, name: "You do not have access to this page." }),
      ).toBeVisible();
      await expect(page.getByRole("banner")).toBeVisible(); // under the console's header
    },
  },
  {
    file: "app/(console)/not-found.tsx",
    viewer: "admin",
    open: async (page) => {
      const response = await page.goto(`/admin/users/${randomUUID()}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByRole("banner")).toBeVisible(); // under the console's header
    },
  },
  {
    file: "app/not-found.tsx",
    viewer: "anonymous",
    open: async (page) => {
      const response = await page.goto("/no-such-page");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    },
  },
];

/**
 * Next.js files that render a whole page: routes (`page`) and the pages shown in their place
 * (`not-found`, `forbidden`, `unauthorized`, `error`, `global-error`, `loading`).
 */
const PAGE_FILE = /^(page|not-found|forbidden|unauthorized|error|global-error|loading)\.(tsx|jsx|ts|js|mdx)$/;

/** Every file under `app/` that renders a page, as paths relative to the project. */
export function pageFilesInApp(root = process.cwd()): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const relative = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (PAGE_FILE.test(entry.name)) found.push(relative);
    }
  };
  walk("app");
  return found.sort();
}
