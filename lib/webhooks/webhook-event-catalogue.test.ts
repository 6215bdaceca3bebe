import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT } from "./webhook-event-catalogue";
import { eventTypesSchema } from "./webhook-schemas";

describe("the webhook event catalogue", () => {
  it("is the README's table of events, row for row", () => {
    const readme = fs.readFileSync(path.join(process.cwd(), "README.md"), "utf8");
    const section = readme.slice(
      readme.indexOf("## Webhooks"),
      readme.indexOf("\n## ", readme.indexOf("## Webhooks") + 1),
    );
    const rows = [...section.matchAll(/^\| `([a-z_.]+)` +\|/gm)].map((match) => match[1]);
    expect(rows).toEqual(WEBHOOK_EVENT_TYPES);
  });

  it("is what an endpoint may choose from, and the test event is not among them", () => {
    expect(eventTypesSchema.parse([...WEBHOOK_EVENT_TYPES].reverse())).toEqual(WEBHOOK_EVENT_TYPES);
    expect(eventTypesSchema.safeParse([WEBHOOK_TEST_EVENT]).success).toBe(false);
  });
});
