import { describe, expect, it } from "vitest";
import { createClientSchema } from "@/lib/clients/client-schemas";
import { isPrintableLine, isPrintableText, optionalDescription } from "./text-fields";

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
