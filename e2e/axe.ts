/**
 * Accessibility checks with axe-core: the WCAG 2.2 A and AA rules (and axe's best practices
 * for landmarks, headings and names), run on what the browser shows at that moment.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Result } from "axe-core";
import { expect } from "./fixtures";

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core tags them. */
export const WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;

/** Plus axe's best practices: one main landmark, content in landmarks, heading order, unique names. */
const TAGS = [...WCAG_22_AA_TAGS, "best-practice"];

/**
 * Rules whose "needs review" answer is still a fault on a console page: aria-valid-attr-value
 * is unsure when an aria-labelledby or aria-describedby names an id of which only some exist
 * (an id with a space in it, say), and no console page means to point at nothing.
 */
const ALWAYS_WRONG_WHEN_UNSURE = new Set(["aria-valid-attr-value"]);

/** One violation as a person fixing it wants to read it: the rule, why, and where. */
export function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map((node) => {
    const summary = (node.failureSummary ?? "").replace(/\s*\n\s*/g, " ").trim();
    return `    - ${node.target.join(" ")}\n      ${node.html.slice(0, 200)}\n      ${summary}`;
  });
  return [
    `  ${violation.id} (${violation.impact ?? "no impact given"}): ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...nodes,
  ].join("\n");
}

/**
 * Fails with every violation axe finds on the page as it is now (an open modal dialog included),
 * printed rule by rule with the elements at fault.
 */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const violations = [
    ...results.violations,
    ...results.incomplete.filter((result) => ALWAYS_WRONG_WHEN_UNSURE.has(result.id)),
  ];
  const report = violations.map(describeViolation).join("\n");
  expect(
    violations.length,
    `${violations.length} accessibility violation(s) on ${what} (${page.url()}):\n${report}\n`,
  ).toBe(0);
}
