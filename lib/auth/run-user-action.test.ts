import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signedInClaims } from "@/lib/testing/console-session-test-support";
import { createTestOrganization } from "@/lib/testing/factories";
import { runUserAction } from "./run-user-action";

const schema = z.object({ name: z.string().min(1, "Name is required") });

describe("runUserAction", () => {
  it("runs for any signed-in active user, admin or not", async () => {
    const { member } = await createTestOrganization();
    const claims = await signedInClaims(member);
    const result = await runUserAction(claims, schema, { name: "x" }, async (user) => user.id);
    expect(result).toEqual({ ok: true, data: member.id });
  });

  it("refuses an ended session and maps invalid input to field errors", async () => {
    const { member } = await createTestOrganization();
    const claims = await signedInClaims(member);
    const stale = { ...claims, sessionVersion: 5 };
    expect((await runUserAction(stale, schema, { name: "x" }, async () => 1)).ok).toBe(false);
    expect(await runUserAction(null, schema, {}, async () => 1)).toMatchObject({ ok: false });
    const invalid = await runUserAction(claims, schema, { name: "" }, async () => 1);
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { name: "Name is required" } });
  });
});
