import type { Metadata } from "next";
import Link from "next/link";
import { GrantRule } from "@/components/roles/grant-rule";
import { buttonClasses } from "@/components/ui/button";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { summarizeGrid } from "@/lib/permissions/grid";
import { loadGrantCeiling } from "@/lib/roles/grant-ceiling";
import { listRoles } from "@/lib/roles/role-queries";
import { actorOf } from "@/lib/users/user-commands";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  const admin = await requireAdmin();
  const db = await getDb();
  const [roles, ceiling] = await Promise.all([
    listRoles(db, admin.organization.id),
    loadGrantCeiling(db, admin.organization.id, actorOf(admin)),
  ]);
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/admin", label: "Admin" }, { label: "Users & Roles" }, { label: "Roles" }]}
      />
      <PageHeader
        title="Roles"
        description="A role decides whether its users administer the console, may use the REST API, and what the API lets them do."
        actions={
          <Link href="/admin/roles/new" className={buttonClasses()}>
            Create role
          </Link>
        }
      />
      <GrantRule unlimited={ceiling.unlimited} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Roles in your organization</caption>
          <thead className="bg-slate-50">
            <tr>
              {["Role", "Console administrator", "REST API", "Permissions", "Users"].map((heading) => (
                <th key={heading} scope="col" className="px-4 py-2.5 text-left font-semibold text-slate-700">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {roles.map((role) => (
              <tr key={role.id}>
                <td className="px-4 py-2.5">
                  <p className="font-medium">
                    <Link href={`/admin/roles/${role.id}`} className="text-indigo-700 hover:underline">
                      {role.name}
                    </Link>
                    {role.builtIn ? (
                      <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                        Built-in
                      </span>
                    ) : null}
                  </p>
                  <p className="text-xs text-slate-500">{role.description}</p>
                </td>
                <td className="px-4 py-2.5">{role.consoleAdmin ? "Yes" : "No"}</td>
                <td className="px-4 py-2.5">{role.restApiEnabled ? "Enabled" : "Disabled"}</td>
                <td className="px-4 py-2.5 text-slate-700">{summarizeGrid(role.permissions)}</td>
                <td className="px-4 py-2.5">{role.userCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
