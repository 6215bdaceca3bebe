import type { OneTimeSecret } from "@/components/secret-dialog/secret-dialog";
import { describeCounts } from "@/components/usage/usage-chart-data";
import type { TokenListRow } from "@/lib/tokens/token-queries";
import type { OutcomeCounts } from "@/lib/usage/usage-outcomes";

/** A token row as the browser gets it: dates as ISO strings, never the token or its hash. */
export interface TokenRowView {
  id: string;
  name: string;
  displayPrefix: string;
  ownerEmail: string;
  permissionsSummary: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  cappedByPolicy: boolean;
  expired: boolean;
  expiresSoon: boolean;
  /** Its requests over the last seven days by outcome, in words ("No requests"). */
  usage: string;
}

/** `usage`: the token's requests per outcome over the last seven days, when it made any. */
export function toTokenRowView(row: TokenListRow, usage?: OutcomeCounts): TokenRowView {
  return {
    id: row.id,
    name: row.name,
    displayPrefix: row.displayPrefix,
    ownerEmail: row.ownerEmail,
    permissionsSummary: row.permissionsSummary,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    cappedByPolicy: row.cappedByPolicy,
    expired: row.expired,
    expiresSoon: row.expiresSoon,
    usage: usage ? capitalized(describeCounts(usage)) : "No requests",
  };
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const DAY_FORMAT = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const TIME_FORMAT = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** The same text on the server and in the browser (UTC), so hydration agrees. */
export const formatDay = (iso: string) => DAY_FORMAT.format(new Date(iso));
export const formatTime = (iso: string) => `${TIME_FORMAT.format(new Date(iso))} UTC`;

/** The one-time modal's content for a new personal token. */
export function tokenSecretContent(issued: {
  name: string;
  token: string;
  expiresAt: string | null;
}): OneTimeSecret {
  return {
    title: "Your new personal token",
    fields: [
      { label: "Token", value: issued.token, secret: true },
      { label: "Name", value: issued.name },
      { label: "Expires", value: issued.expiresAt ? formatDay(issued.expiresAt) : "Never" },
    ],
    envFile: { name: "latchkey-token.env", content: `LATCHKEY_TOKEN=${issued.token}\n` },
  };
}
