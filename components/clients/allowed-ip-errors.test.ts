import { zodResolver } from "@hookform/resolvers/zod";
import { set } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { createClientSchema } from "@/lib/clients/client-schemas";
import { fieldErrorsOf } from "@/lib/forms/field-errors-of";
import { allowedIpErrorsOf } from "./allowed-ip-errors";

const resolve = zodResolver(createClientSchema);
const BAD_LIST = "10.0.0.0/33\n203.0.113.0/24\n\n256.1.1.1";

async function browserErrors(allowedIps: string) {
  const result = await resolve({ name: "Client", allowedIps }, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });
  return (result.errors as Record<string, unknown>).allowedIps;
}

describe("allowedIpErrorsOf", () => {
  it("flags each bad line by itself, as the form's resolver reports them", async () => {
    const { list, entries } = allowedIpErrorsOf(await browserErrors(BAD_LIST));
    expect(list).toBeUndefined();
    expect(entries).toEqual([
      { line: 1, message: expect.stringMatching(/^10\.0\.0\.0\/33 — prefix length/) },
      { line: 4, message: expect.stringMatching(/^256\.1\.1\.1 — /) },
    ]);
  });

  it("reads the same errors when they come back from the server action", () => {
    const parsed = createClientSchema.safeParse({ name: "Client", allowedIps: BAD_LIST });
    if (parsed.success) throw new Error("expected the list to be refused");
    const errors = {};
    // What the form's setError does with each key the action returns.
    for (const [field, message] of Object.entries(fieldErrorsOf(parsed.error)))
      set(errors, field, { message });
    expect(
      allowedIpErrorsOf((errors as Record<string, unknown>).allowedIps).entries.map((e) => e.line),
    ).toEqual([1, 4]);
  });

  it("keeps a message about the list as a whole beside the entries", async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`);
    const { list, entries } = allowedIpErrorsOf(await browserErrors([...tooMany, "10.1"].join("\n")));
    expect(list).toMatch(/At most 100 addresses or ranges; this list has 102/);
    expect(entries).toEqual([{ line: 102, message: expect.stringMatching(/^10\.1 — shorthand/) }]);
    expect(allowedIpErrorsOf({ message: "Enter at least one address" })).toEqual({
      list: "Enter at least one address",
      entries: [],
    });
  });

  it("has nothing to say without an error", () => {
    expect(allowedIpErrorsOf(undefined)).toEqual({ entries: [] });
  });
});
