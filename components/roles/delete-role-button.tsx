"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteRoleAction } from "@/app/(console)/admin/roles/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";

/** Deletes a role after confirmation; the server refuses while users hold it and says how many. */
export function DeleteRoleButton({ role }: { role: { id: string; name: string; userCount: number } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2 border-t border-slate-200 pt-6">
      <FormMessage message={error} />
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete role
      </Button>
      <p className="text-sm text-slate-600">
        {role.userCount > 0
          ? `${role.userCount === 1 ? "1 user holds" : `${role.userCount} users hold`} this role: give them another role first.`
          : "No user holds this role."}
      </p>
      <ConfirmDialog
        open={open}
        title={`Delete the role ${role.name}?`}
        confirmLabel="Delete"
        danger
        pending={pending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          startTransition(async () => {
            const result = await deleteRoleAction({ roleId: role.id });
            setOpen(false);
            if (result.ok) router.push("/admin/roles");
            else setError(result.formError);
          })
        }
      >
        The role is removed for good. This is recorded in the audit log.
      </ConfirmDialog>
    </div>
  );
}
