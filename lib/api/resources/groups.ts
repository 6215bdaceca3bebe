import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/lib/db/client";
import { groupMembers, groups, users } from "@/lib/db/schema";
import { searchCondition } from "@/lib/db/text-search";
import { displayName, optionalDescription } from "@/lib/validation/text-fields";
import { referenceId, searchFilter } from "../api-fields";
import { defineResource } from "../resource-definition";

export const MAX_GROUP_MEMBERS_PER_REQUEST = 1000;

const memberIds = z
  .array(referenceId)
  .max(MAX_GROUP_MEMBERS_PER_REQUEST, `At most ${MAX_GROUP_MEMBERS_PER_REQUEST} members per request`)
  .refine((ids) => new Set(ids).size === ids.length, "Each member may be listed once")
  .describe("The group's members (user IDs). On update, replaces the whole membership.");

const groupFields = {
  name: displayName("Name"),
  description: optionalDescription,
  member_ids: memberIds,
};

async function replaceMembers(tx: Transaction, organizationId: string, groupId: string, ids: string[]) {
  await tx
    .delete(groupMembers)
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId)));
  if (ids.length === 0) return;
  await tx.insert(groupMembers).values(ids.map((userId) => ({ organizationId, groupId, userId })));
}

/** Groups of users. Deleting a group removes its memberships, never its users. */
export const groupResource = defineResource({
  key: "groups",
  noun: "group",
  table: groups,
  computed: {
    member_ids: {
      select: sql`coalesce((select json_agg(${groupMembers.userId} order by ${groupMembers.addedAt}, ${groupMembers.userId}) from ${groupMembers} where ${groupMembers.groupId} = ${groups.id}), '[]'::json)`,
      schema: z.array(z.uuid()),
    },
  },
  filters: z.strictObject({ q: searchFilter.describe("Case-insensitive text in the name.") }),
  where: (filters) => [searchCondition(filters.q, [groups.name])],
  sorts: { name: groups.name, created_at: groups.createdAt },
  defaultSort: "name",
  create: z.strictObject({
    ...groupFields,
    description: groupFields.description.optional(),
    member_ids: groupFields.member_ids.optional(),
  }),
  update: z.strictObject(groupFields).partial(),
  references: { member_ids: users },
  uniqueConstraints: {
    groups_organization_name_unique: { field: "name", detail: "Another group already has this name" },
  },
  afterWrite: async (input, { tx, caller, id }) => {
    if (input.member_ids) await replaceMembers(tx, caller.organizationId, id, input.member_ids);
  },
});
