"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  changeUserRoleAction,
  deactivateUserAction,
  reactivateUserAction,
} from "@/app/(console)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage, SelectField } from "@/components/ui/field";
import type { ActionState } from "@/lib/forms/action-state";

interface Props {
  user: { id: string; name: string; email: string; roleId: string; active: boolean };
  /** `assignable: false` for roles this administrator may not give (grant-ceiling.ts). */
  roles: ReadonlyArray<{ id: string; name: string; assignable: boolean }>;
  isSelf: boolean;
  /** Why this administrator may not change the user's role at all (the role holds more than theirs). */
  roleLockedReason?: string;
}

export function UserAdminControls({ user, roles, isSelf, roleLockedReason }: Props) {
  const roleLocked = isSelf || roleLockedReason !== undefined;
  const someUnassignable = roles.some((role) => !role.assignable);
  const router = useRouter();
  const [roleId, setRoleId] = useState(user.roleId);
  const [result, setResult] = useState<ActionState<unknown> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  const run = (action: () => Promise<ActionState<unknown>>, after?: () => void) =>
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome);
      if (outcome.ok) {
        after?.();
        router.refresh();
      }
    });

  return (
    <div className="space-y-6">
      <FormMessage
        message={result && !result.ok ? (result.fieldErrors.roleId ?? result.formError) : undefined}
      />
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-800">
          Saved.
        </p>
      ) : null}
      <form
        className="flex max-w-md items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          run(() => changeUserRoleAction({ userId: user.id, roleId }));
        }}
      >
        <div className="flex-1">
          <SelectField
            id="roleId"
            label="Role"
            value={roleId}
            disabled={roleLocked}
            onChange={(event) => setRoleId(event.target.value)}
            options={roles.map((role) => ({
              value: role.id,
              label:
                role.assignable || role.id === user.roleId ? role.name : `${role.name} (beyond your role)`,
              disabled: !role.assignable && role.id !== user.roleId,
            }))}
            hint={
              isSelf
                ? "You cannot change your own role."
                : (roleLockedReason ??
                  (someUnassignable
                    ? "Roles marked “beyond your role” hold permissions your role does not, or are Site Administrator: you cannot give them."
                    : undefined))
            }
          />
        </div>
        <Button type="submit" disabled={pending || roleLocked || roleId === user.roleId}>
          Save role
        </Button>
      </form>

      <div className="border-t border-slate-200 pt-6">
        {user.active ? (
          <>
            <Button variant="danger" disabled={pending || isSelf} onClick={() => setConfirming(true)}>
              Deactivate user
            </Button>
            <p className="mt-2 text-sm text-slate-600">
              {isSelf
                ? "You cannot deactivate yourself."
                : "Ends their console sessions at once; they can no longer sign in or use their API credentials."}
            </p>
          </>
        ) : (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => reactivateUserAction({ userId: user.id }))}
          >
            Reactivate user
          </Button>
        )}
      </div>

      <ConfirmDialog
        open={confirming}
        title={`Deactivate ${user.name}?`}
        confirmLabel="Deactivate"
        danger
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          run(
            () => deactivateUserAction({ userId: user.id }),
            () => setConfirming(false),
          )
        }
      >
        {user.email} will be signed out everywhere and will not be able to sign in until reactivated.
      </ConfirmDialog>
    </div>
  );
}
