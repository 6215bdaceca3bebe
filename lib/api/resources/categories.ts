import { z } from "zod";
import { categories } from "@/lib/db/schema";
import { searchCondition } from "@/lib/db/text-search";
import { displayName, optionalDescription } from "@/lib/validation/text-fields";
import { searchFilter } from "../api-fields";
import { defineResource } from "../resource-definition";

const categoryFields = {
  name: displayName("Name"),
  description: optionalDescription,
  retention_days: z
    .number({ error: "Must be a whole number of days" })
    .int("Must be a whole number of days")
    .min(1, "Must be at least 1 day")
    .max(36_500, "Must be at most 36500 days")
    .nullable()
    .describe("How long evidence in this category is kept; null keeps it indefinitely."),
};

/**
 * Evidence categories. Deleting a category keeps its evidence, which becomes uncategorized
 * (category_id becomes null); reassign evidence first to keep it categorized.
 */
export const categoryResource = defineResource({
  key: "categories",
  noun: "category",
  table: categories,
  filters: z.strictObject({ q: searchFilter.describe("Case-insensitive text in the name.") }),
  where: (filters) => [searchCondition(filters.q, [categories.name])],
  sorts: { name: categories.name, created_at: categories.createdAt },
  defaultSort: "name",
  create: z.strictObject({
    ...categoryFields,
    description: categoryFields.description.optional(),
    retention_days: categoryFields.retention_days.optional(),
  }),
  update: z.strictObject(categoryFields).partial(),
  uniqueConstraints: {
    categories_organization_name_unique: { field: "name", detail: "Another category already has this name" },
  },
});
