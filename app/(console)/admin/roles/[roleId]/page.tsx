import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DeleteRoleButton } from "@/components/roles/delete-role-button";
import { RoleForm } from "@/components/roles/role-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listRoles } from "@/lib/roles/role-queries";

export const metadata: Metadata = { title: "Role" };

export default async function RolePage({ params }: { params: Promise<{ roleId: string }> }) {
  const admin = await requireAdmin();
  const { roleId } = await params;
  if (!z.uuid().safeParse(roleId).success) notFound();
  const role = (await listRoles(await getDb(), admin.organization.id)).find(
    (candidate) => candidate.id === roleId,
  );
  if (!role) notFound();
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
        <RoleForm role={role} />
        {role.builtIn ? null : <DeleteRoleButton role={role} />}
      </div>
    </>
  );
}
