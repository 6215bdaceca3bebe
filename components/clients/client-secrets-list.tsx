import type { ClientSecretSummary } from "@/lib/clients/find-client";
import { EndSecretGraceButton } from "./end-secret-grace-button";

function stateOf(secret: ClientSecretSummary, now: Date, format: (date: Date) => string) {
  if (secret.revokedAt) return { label: `Revoked ${format(secret.revokedAt)}`, live: false, inGrace: false };
  if (!secret.expiresAt) return { label: "Current", live: true, inGrace: false };
  if (secret.expiresAt > now)
    return { label: `Old secret, works until ${format(secret.expiresAt)}`, live: true, inGrace: true };
  return { label: `Expired ${format(secret.expiresAt)}`, live: false, inGrace: false };
}

/**
 * The client's secrets by their visible start and dates: never more than a prefix of one. An
 * old secret in its grace period can be stopped early.
 */
export function ClientSecretsList({
  clientId,
  secrets,
  format,
}: {
  clientId: string;
  secrets: readonly ClientSecretSummary[];
  format: (date: Date) => string;
}) {
  const now = new Date();
  if (secrets.length === 0) return <p className="text-sm text-slate-600">This client has no secrets.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Secrets of this client</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-4 py-2 text-left font-semibold">
              Secret
            </th>
            <th scope="col" className="px-4 py-2 text-left font-semibold">
              Created
            </th>
            <th scope="col" className="px-4 py-2 text-left font-semibold">
              State
            </th>
            <th scope="col" className="px-4 py-2 text-left font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {secrets.map((secret) => {
            const state = stateOf(secret, now, format);
            return (
              <tr key={secret.id}>
                <td className="px-4 py-2 font-mono text-xs">{secret.displayPrefix}…</td>
                <td className="px-4 py-2">{format(secret.createdAt)}</td>
                <td className={`px-4 py-2 ${state.live ? "text-emerald-800" : "text-slate-500"}`}>
                  {state.label}
                </td>
                <td className="px-4 py-2">
                  {state.inGrace ? (
                    <EndSecretGraceButton
                      clientId={clientId}
                      secretId={secret.id}
                      displayPrefix={secret.displayPrefix}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
