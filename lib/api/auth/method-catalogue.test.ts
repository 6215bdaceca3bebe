import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi/openapi-document";
import { AUTHENTICATION_METHOD_KEYS, AUTHENTICATION_METHODS, bearerMethodFor } from "./method-catalogue";
import { methodsByLevelMarkdown } from "./methods-by-level-markdown";

describe("the authentication method catalogue", () => {
  it("is the README's table of methods by security level", () => {
    // Compared cell by cell: the formatter aligns the README's columns.
    const normalize = (markdown: string) =>
      markdown
        .split("\n")
        .map((line) =>
          line
            .split("|")
            .map((cell) => cell.trim().replace(/^-+$/, "---"))
            .join("|"),
        )
        .join("\n");
    const readme = normalize(fs.readFileSync(path.join(process.cwd(), "README.md"), "utf8"));
    expect(readme, "paste methodsByLevelMarkdown() into README.md").toContain(
      normalize(methodsByLevelMarkdown()),
    );
  });

  it("is what the OpenAPI document describes: every method in the description, schemes and requirements", () => {
    const document = buildOpenApiDocument("https://latchkey.example");
    for (const method of AUTHENTICATION_METHOD_KEYS) {
      expect(document.info.description).toContain(AUTHENTICATION_METHODS[method].label);
      for (const scheme of Object.keys(AUTHENTICATION_METHODS[method].openApi)) {
        expect(document.components.securitySchemes).toHaveProperty(scheme);
      }
    }
    const operation = document.paths["/api/v1/cases"]?.get as { security: object[] };
    expect(operation.security).toHaveLength(AUTHENTICATION_METHOD_KEYS.length);
  });

  it("tells bearer methods apart by prefix, and takes anything else for an access token", () => {
    expect(bearerMethodFor("lk_pat_abc")).toBe("personal_token");
    expect(bearerMethodFor("lk_legacy_abc")).toBe("legacy_key");
    expect(bearerMethodFor("eyJhbGciOi.x.y")).toBe("access_token");
  });
});
