/**
 * The grantor's ceiling in words, as the server enforces it (lib/roles/grant-ceiling.ts,
 * lib/roles/role-assignment.ts). `unlimited` is true for a Site Administrator.
 */
export function GrantRule({ unlimited }: { unlimited: boolean }) {
  return (
    <section
      aria-labelledby="grant-rule-title"
      className="mb-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
    >
      <h2 id="grant-rule-title" className="font-semibold text-slate-900">
        Who can grant what
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          An administrator grants only permissions their own role holds — to a role, an API client or a
          personal token — and gives a user only a role whose permissions they hold.
        </li>
        <li>
          Permissions an administrator does not hold appear <span className="font-medium">Locked</span>: they
          can neither grant nor remove them, and they stay as they are on save. A role that holds such
          permissions keeps its “REST API enabled” and “Console administrator” switches as they are, a user
          who holds such a role keeps it, and a client that holds them keeps its secret (rotating would hand
          the new secret, and its rights, to the administrator).
        </li>
        <li>
          Any administrator may make a role whose permissions they hold a console administrator role: its
          holders are bound by the same rule.
        </li>
        <li>Only a Site Administrator gives or takes the Site Administrator role, and grants everything.</li>
        <li>Nobody changes their own role.</li>
      </ul>
      <p className="mt-2 text-slate-600">
        {unlimited
          ? "You are a Site Administrator: you may grant every permission."
          : "Your role is not Site Administrator: you may grant only what your role holds."}
      </p>
    </section>
  );
}
