import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DeleteRoleButton } from "@/components/roles/delete-role-button";
import { RoleForm } from "@/components/roles/role-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { describeScopes, grantableScopes, loadGrantCeiling, scopesBeyond } from "@/lib/roles/grant-ceiling";
import { listRoles } from "@/lib/roles/role-queries";
import { actorOf } from "@/lib/users/user-commands";

export const metadata: Metadata = { title: "Role" };

export default async function RolePage({ params }: { params: Promise<{ roleId: string }> }) {
  const admin = await requireAdmin();
  const { roleId } = await params;
  if (!z.uuid().safeParse(roleId).success) notFound();
  const db = await getDb();
  const [roles, ceiling] = await Promise.all([
    listRoles(db, admin.organization.id),
    loadGrantCeiling(db, admin.organization.id, actorOf(admin)),
  ]);
  const role = roles.find((candidate) => candidate.id === roleId);
  if (!role) notFound();
  const beyond = scopesBeyond(ceiling, role.permissions);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", label: "Admin" },
          { href: "/admin/roles", label: "Roles" },
          { label: role.name },
        ]}
      />
      <PageHeader
        title={role.name}
        description="Changes apply to every user with this role on their next request, including their personal tokens."
      />
      <div className="space-y-8">
        <RoleForm
          role={role}
          grantable={grantableScopes(ceiling)}
          switchesLockedReason={
            beyond.length > 0 && !role.builtIn
              ? `This role holds ${describeScopes(beyond)}, which your role does not: its switches stay as they are. Only an administrator who holds those permissions can change them.`
              : undefined
          }
        />
        {role.builtIn ? null : <DeleteRoleButton role={role} />}
      </div>
    </>
  );
}
