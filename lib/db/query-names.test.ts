import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { queryName } from "./query-names";
import { apiClients } from "./schema";

describe("queryName", () => {
  it.each([
    ['select "id", "name" from "api_clients" where "api_clients"."id" = $1', "select api_clients"],
    [
      'insert into "api_request_log" ("id", "path") values ($1, $2) on conflict do nothing',
      "insert api_request_log",
    ],
    ['update "users" set "last_sign_in_at" = $1 where "users"."id" = $2', "update users"],
    ['delete from "personal_tokens" where "personal_tokens"."id" = $1', "delete personal_tokens"],
    ['select count(*) from "drizzle"."__drizzle_migrations"', "select __drizzle_migrations"],
    [
      'select "id", (extract(epoch from "opened_at") * 1000000)::bigint::text from "cases" where "cases"."organization_id" = $1',
      "select cases",
    ],
    ['with "x" as (select 1 from "users") select * from "roles"', "select roles"],
    ["select 1", "select"],
    ["begin", "begin statement"],
  ])("names %s as %s", (sqlText, name) => {
    expect(queryName(sqlText)).toBe(name);
  });

  it("names a prepared statement by the name it was prepared with", async () => {
    const prepared = (await getDb())
      .select({ name: apiClients.name })
      .from(apiClients)
      .prepare("latchkey_test_named");
    expect(queryName(prepared.getQuery().sql)).toBe("latchkey_test_named");
  });
});
