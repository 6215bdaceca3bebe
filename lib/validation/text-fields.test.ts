import { describe, expect, it } from "vitest";
import { runAdminAction } from "@/lib/auth/run-admin-action";
import { createClientSchema } from "@/lib/clients/client-schemas";
import { createClient } from "@/lib/clients/create-client";
import { getDb } from "@/lib/db/client";
import { roleFieldsSchema } from "@/lib/roles/role-schemas";
import { auditEventsOf, countClients, createClientTestTenant } from "@/lib/testing/client-test-support";
import { signedInClaims } from "@/lib/testing/console-session-test-support";
import { createTokenSchema } from "@/lib/tokens/token-schemas";
import { actorOf } from "@/lib/users/user-commands";
import { createUserSchema } from "@/lib/users/user-schemas";
import { displayName, isPrintableLine, isPrintableText, optionalDescription } from "./text-fields";

describe("control characters", () => {
  it("lets free text break lines but refuses NUL and other controls", () => {
    expect(isPrintableText("line one\nline two\tend\r\n")).toBe(true);
    expect(isPrintableText("nul\u0000inside")).toBe(false);
    expect(isPrintableText("bell\u0007")).toBe(false);
    expect(isPrintableLine("line one\nline two")).toBe(false);
    expect(isPrintableLine("Dana Scully")).toBe(true);
  });

  it("gives a description with a NUL a field error instead of reaching the database", () => {
    expect(optionalDescription.safeParse("fine\nmultiline").success).toBe(true);
    const result = createClientSchema.safeParse({ name: "Reporting", description: "bad\u0000text" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["description", "Description must not contain control characters"],
    ]);
  });
});

describe("invisible format characters in names", () => {
  // Each looks like nothing on screen: zero-width space, ZWNJ, ZWJ, word joiner, BOM,
  // soft hyphen, an invisible tag character.
  const invisible = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u{e0041}"];

  it.each(invisible.map((character) => [character.codePointAt(0)?.toString(16), character]))(
    "refuses U+%s inside a client, role, token or person name with a field error",
    (_code, character) => {
      const cases = [
        [createClientSchema, { name: `Bill${character}ing` }, "Client Name"],
        [roleFieldsSchema, { name: `Audi${character}tors` }, "Role name"],
        [createTokenSchema, { name: `Night${character}ly`, expiration: 30 }, "Token name"],
        [
          createUserSchema,
          {
            name: `Dana${character}Scully`,
            email: "dana@example.com",
            password: "a-long-enough-password",
            roleId: "00000000-0000-4000-8000-000000000000",
          },
          "Name",
        ],
      ] as const;
      for (const [schema, input, label] of cases) {
        const result = schema.safeParse(input);
        expect(result.success, label).toBe(false);
        expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
          ["name", `${label} must not contain invisible characters such as zero-width spaces`],
        ]);
      }
    },
  );

  it("keeps a name that only looks unusual: accents, scripts, emoji without joiners", () => {
    expect(displayName("Name").parse("Zoë Ångström")).toBe("Zoë Ångström");
    expect(displayName("Name").parse("東京 オフィス")).toBe("東京 オフィス");
    expect(displayName("Name").parse("Deploy 🚀")).toBe("Deploy 🚀");
  });

  it("leaves descriptions free to use them (free text, not an identity)", () => {
    expect(optionalDescription.safeParse("soft\u00adhyphen").success).toBe(true);
  });
});

describe("a lookalike name sent straight to the server", () => {
  it("gets the field error from the console action and writes nothing", async () => {
    const tenant = await createClientTestTenant();
    const result = await runAdminAction(
      await signedInClaims(tenant.admin),
      createClientSchema,
      { name: "Bill\u200bing" },
      async (admin, values) => createClient(await getDb(), admin.organization.id, actorOf(admin), values),
    );
    expect(result).toEqual({
      ok: false,
      formError: "Check the highlighted fields.",
      fieldErrors: { name: "Client Name must not contain invisible characters such as zero-width spaces" },
    });
    expect(await countClients(tenant.organizationId)).toBe(0);
    expect(await auditEventsOf(tenant.organizationId)).toEqual([]);
  });
});
