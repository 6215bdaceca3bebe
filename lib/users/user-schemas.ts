import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/crypto/password-policy";
import { emailAddress, isPrintableLine, personName } from "@/lib/validation/text-fields";

/** Shared by the Create user form (react-hook-form) and its server action. */
export const createUserSchema = z.object({
  name: personName,
  email: emailAddress,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
  roleId: z.uuid("Choose a role"),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const changeUserRoleSchema = z.object({
  userId: z.uuid("Unknown user"),
  roleId: z.uuid("Choose a role"),
});
export type ChangeUserRoleInput = z.input<typeof changeUserRoleSchema>;

export const userIdSchema = z.object({ userId: z.uuid("Unknown user") });

export const USER_SORT_COLUMNS = ["name", "email", "role", "status", "created"] as const;
export const userListQuerySchema = z.object({
  q: z.string().max(200).refine(isPrintableLine).catch(""),
  sort: z.enum(USER_SORT_COLUMNS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((size) => [10, 25, 50, 100].includes(size))
    .catch(25),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;
