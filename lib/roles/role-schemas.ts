import { z } from "zod";
import { permissionGridSchema } from "@/lib/permissions/grid";
import { displayName, optionalDescription } from "@/lib/validation/text-fields";

/** Shared by the role form (as its resolver), the server actions and the role commands. */

export const roleFieldsSchema = z.object({
  name: displayName("Role name", 60),
  description: optionalDescription.default(""),
  restApiEnabled: z.boolean().default(false),
  consoleAdmin: z.boolean().default(false),
  permissions: permissionGridSchema.default([]),
});
export type RoleFieldsInput = z.input<typeof roleFieldsSchema>;

export const roleIdSchema = z.object({ roleId: z.uuid("That role does not exist in your organization.") });

export const updateRoleSchema = roleFieldsSchema.extend(roleIdSchema.shape);
export type UpdateRoleInput = z.input<typeof updateRoleSchema>;
