import Link from "next/link";
import type { ExpiringCredential } from "@/lib/lifecycle/expiring-credentials";

const day = (date: Date) => date.toISOString().slice(0, 10);
const inDays = (days: number) => (days <= 1 ? "within a day" : `in ${days} days`);

/**
 * "Expiring soon": each personal token or client secret lapsing within the organization's
 * notice window, naming it, its owner and the date, with the way to renew or rotate it. On the
 * dashboard (everything, for administrators) and as the owner's banner on Integrations.
 */
export function ExpiringCredentialsNotice({
  credentials,
  headingId,
  showOwner,
}: {
  credentials: readonly ExpiringCredential[];
  headingId: string;
  showOwner: boolean;
}) {
  if (credentials.length === 0) return null;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm text-amber-900"
    >
      <h2 id={headingId} className="mb-2 font-semibold">
        Expiring soon
      </h2>
      <ul className="space-y-1.5">
        {credentials.map((credential) => (
          <li key={`${credential.kind}:${credential.id}`}>
            {credential.kind === "token" ? (
              <>
                Personal token <strong>{credential.name}</strong>
                {showOwner ? ` of ${credential.owner}` : ""} expires {inDays(credential.daysLeft)}, on{" "}
                {day(credential.expiresAt)}.{" "}
                <Link href="/integrations" className="font-medium underline">
                  {showOwner ? "Its owner renews it on Integrations" : "Renew it"}
                </Link>
              </>
            ) : (
              <>
                The old secret of client <strong>{credential.name}</strong> stops working{" "}
                {inDays(credential.daysLeft)}, on {day(credential.expiresAt)}.{" "}
                <Link
                  href={`/admin/api-settings/clients/${credential.clientId}`}
                  className="font-medium underline"
                >
                  Check what still uses it
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
