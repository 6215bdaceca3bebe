import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { UserAdminControls } from "@/components/users/user-admin-controls";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { loadGrantCeiling } from "@/lib/roles/grant-ceiling";
import { roleAssignmentMessage, roleAssignmentRefusal } from "@/lib/roles/role-assignment";
import { listRoles } from "@/lib/roles/role-queries";
import { actorOf } from "@/lib/users/user-commands";
import { findUser } from "@/lib/users/user-queries";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const admin = await requireAdmin();
  const { userId } = await params;
  if (!z.uuid().safeParse(userId).success) notFound();
  const db = await getDb();
  const user = await findUser(db, admin.organization.id, userId);
  if (!user) notFound();
  const [roles, ceiling] = await Promise.all([
    listRoles(db, admin.organization.id),
    loadGrantCeiling(db, admin.organization.id, actorOf(admin)),
  ]);
  const heldRole = roles.find((role) => role.id === user.roleId);
  const heldRefusal = heldRole ? roleAssignmentRefusal(ceiling, heldRole) : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", label: "Admin" },
          { href: "/admin/users", label: "Users" },
          { label: user.name },
        ]}
      />
      <PageHeader title={user.name} description={user.email} />
      <dl className="mb-8 grid max-w-xl gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-500">Status</dt>
        <dd>{user.active ? "Active" : "Deactivated"}</dd>
        <dt className="text-slate-500">Role</dt>
        <dd>{user.roleName}</dd>
        <dt className="text-slate-500">Console sign-in</dt>
        <dd>{user.canSignIn ? "Has a password" : "No password (data user)"}</dd>
        <dt className="text-slate-500">Last sign-in</dt>
        <dd>{user.lastSignInAt ? user.lastSignInAt.toLocaleString("en") : "Never"}</dd>
        <dt className="text-slate-500">Created</dt>
        <dd>{user.createdAt.toLocaleString("en")}</dd>
      </dl>
      <UserAdminControls
        user={{ id: user.id, name: user.name, email: user.email, roleId: user.roleId, active: user.active }}
        roles={roles.map((role) => ({
          id: role.id,
          name: role.name,
          assignable: roleAssignmentRefusal(ceiling, role) === null,
        }))}
        isSelf={user.id === admin.id}
        roleLockedReason={heldRole && heldRefusal ? roleAssignmentMessage(heldRole, heldRefusal) : undefined}
      />
    </>
  );
}
