import { z } from "zod";
import { clientIdSchema } from "@/lib/clients/client-schemas";
import { permissionGridSchema } from "@/lib/permissions/grid";

/** "Remove unused permissions": the client and the permissions shown as unused (re-checked on the server). */
export const removeUnusedPermissionsSchema = z.object({
  clientId: clientIdSchema,
  scopes: permissionGridSchema.refine(
    (scopes) => scopes.length > 0,
    "Choose at least one permission to remove",
  ),
});
