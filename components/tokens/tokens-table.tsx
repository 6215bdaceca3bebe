"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { adminRevokeTokenAction } from "@/app/(console)/admin/api-settings/tokens/actions";
import {
  recreateTokenAction,
  renewTokenAction,
  revokeTokenAction,
} from "@/app/(console)/integrations/actions";
import { type OneTimeSecret, SecretDialog } from "@/components/secret-dialog/secret-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";
import { formatDay, formatTime, type TokenRowView, tokenSecretContent } from "./token-views";

type Pending = { kind: "revoke" | "recreate" | "renew"; token: TokenRowView } | null;

const CONFIRMATIONS = {
  renew: {
    title: (name: string) => `Renew ${name}?`,
    label: "Renew token",
    text: "A new token with the same name and permissions and your organization's default expiration is shown once. The current token keeps working until its own expiration, so you can move over in your own time.",
  },
  recreate: {
    title: (name: string) => `Recreate ${name}?`,
    label: "Recreate token",
    text: "A new token with the same name and permissions and a fresh expiration replaces it. The current token stops working at once.",
  },
  revoke: {
    title: (name: string) => `Revoke ${name}?`,
    label: "Revoke token",
    text: "The token stops working on its next request. This cannot be undone.",
  },
} as const;

/**
 * Personal tokens with name, permissions, created, expires, last used and their requests of the
 * last seven days by outcome (usage rollups); tokens ending within
 * seven days are flagged. "own" mode (Integrations) offers Renew (for a token with an expiration),
 * Recreate and Revoke; "admin" mode
 * (API Settings) lists every token of the organization with its owner and offers Revoke.
 */
export function TokensTable({ rows, mode }: { rows: TokenRowView[]; mode: "own" | "admin" }) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending>(null);
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const [error, setError] = useState<string>();
  const [busy, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      if (!pending) return;
      const { kind, token } = pending;
      setError(undefined);
      if (kind === "recreate" || kind === "renew") {
        const action = kind === "renew" ? renewTokenAction : recreateTokenAction;
        const result = await action({ tokenId: token.id });
        setPending(null);
        if (result.ok) setSecret(tokenSecretContent(result.data));
        else setError(result.formError);
        return;
      }
      const action = mode === "admin" ? adminRevokeTokenAction : revokeTokenAction;
      const result = await action({ tokenId: token.id });
      setPending(null);
      if (result.ok) router.refresh();
      else setError(result.formError);
    });

  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-600">
        No tokens yet.
      </p>
    );
  }
  const headings = [
    "Name",
    ...(mode === "admin" ? ["Owner"] : []),
    "Permissions",
    "Created",
    "Expires",
    "Last used",
    "Requests, 7 days",
    "Actions",
  ];
  return (
    <div className="space-y-3">
      <FormMessage message={error} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Personal tokens</caption>
          <thead className="bg-slate-50">
            <tr>
              {headings.map((heading) => (
                <th key={heading} scope="col" className="px-4 py-2.5 text-left font-semibold text-slate-700">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((token) => (
              <tr key={token.id}>
                <td className="px-4 py-2.5">
                  <p className="font-medium">{token.name}</p>
                  <p className="font-mono text-xs text-slate-500">{token.displayPrefix}…</p>
                </td>
                {mode === "admin" ? <td className="px-4 py-2.5">{token.ownerEmail}</td> : null}
                <td className="px-4 py-2.5 text-slate-700">{token.permissionsSummary}</td>
                <td className="px-4 py-2.5">{formatDay(token.createdAt)}</td>
                <td className="px-4 py-2.5">
                  {token.expiresAt ? formatDay(token.expiresAt) : "Never"}
                  {token.expired ? <Badge tone="red">Expired</Badge> : null}
                  {token.expiresSoon ? <Badge tone="amber">Expires soon</Badge> : null}
                  {token.cappedByPolicy ? (
                    <p className="text-xs text-slate-500">Shortened by the maximum token expiration</p>
                  ) : null}
                </td>
                <td className="px-4 py-2.5">{token.lastUsedAt ? formatTime(token.lastUsedAt) : "Never"}</td>
                <td className="px-4 py-2.5 text-slate-700">{token.usage}</td>
                <td className="px-4 py-2.5">
                  <div className="flex gap-2">
                    {mode === "own" && token.expiresAt && !token.expired ? (
                      <Button
                        variant="secondary"
                        aria-label={`Renew ${token.name}`}
                        onClick={() => setPending({ kind: "renew", token })}
                      >
                        Renew
                      </Button>
                    ) : null}
                    {mode === "own" ? (
                      <Button variant="secondary" onClick={() => setPending({ kind: "recreate", token })}>
                        Recreate
                      </Button>
                    ) : null}
                    <Button variant="danger" onClick={() => setPending({ kind: "revoke", token })}>
                      Revoke
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={CONFIRMATIONS[pending?.kind ?? "revoke"].title(pending?.token.name ?? "")}
        confirmLabel={CONFIRMATIONS[pending?.kind ?? "revoke"].label}
        danger={pending?.kind === "revoke"}
        pending={busy}
        onCancel={() => setPending(null)}
        onConfirm={confirm}
      >
        {CONFIRMATIONS[pending?.kind ?? "revoke"].text}
      </ConfirmDialog>
      <SecretDialog
        secret={secret}
        onClosed={() => {
          setSecret(null);
          router.refresh();
        }}
      />
    </div>
  );
}

function Badge({ tone, children }: { tone: "red" | "amber"; children: string }) {
  const classes = tone === "red" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900";
  return <span className={`ml-2 rounded px-1.5 py-0.5 text-xs font-medium ${classes}`}>{children}</span>;
}
