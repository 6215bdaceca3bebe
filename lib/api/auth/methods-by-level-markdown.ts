import { SECURITY_LEVEL_LABELS, SECURITY_LEVELS } from "@/lib/organizations/security-level";
import { AUTHENTICATION_METHOD_KEYS, AUTHENTICATION_METHODS, isMethodAllowed } from "./method-catalogue";

/** The README's table of methods by security level, from the catalogue (a test keeps them equal). */
export function methodsByLevelMarkdown(): string {
  const header = `| method | ${SECURITY_LEVELS.map((level) => SECURITY_LEVEL_LABELS[level]).join(" | ")} |`;
  const rule = `| --- | ${SECURITY_LEVELS.map(() => "---").join(" | ")} |`;
  const rows = AUTHENTICATION_METHOD_KEYS.map(
    (method) =>
      `| ${AUTHENTICATION_METHODS[method].readmeLabel} | ${SECURITY_LEVELS.map((level) => (isMethodAllowed(level, method) ? "✓" : "✗")).join(" | ")} |`,
  );
  return [header, rule, ...rows].join("\n");
}
