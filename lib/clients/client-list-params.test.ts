import { describe, expect, it } from "vitest";
import { clientListParamsSchema, toListClientsQuery } from "./client-list-params";
import { listClientsQuerySchema } from "./client-schemas";

describe("clientListParamsSchema", () => {
  it("maps the list's URL onto listClients' options", () => {
    const params = clientListParamsSchema.parse({
      q: "payroll",
      status: "disabled",
      usage: "neverUsed",
      sort: "lastUsedAt",
      dir: "desc",
      page: "3",
      pageSize: "50",
    });
    expect(toListClientsQuery(params)).toEqual({
      search: "payroll",
      status: "disabled",
      usage: "neverUsed",
      sort: "lastUsedAt",
      direction: "desc",
      limit: 50,
      offset: 100,
    });
  });

  it("falls back to defaults for missing or nonsense parameters", () => {
    const params = clientListParamsSchema.parse({
      status: "deleted",
      usage: "sometimes",
      sort: "secret",
      dir: "up",
      page: "-1",
      pageSize: "7",
      q: ["a", "b"],
    });
    expect(params).toEqual({
      q: "",
      status: "all",
      usage: "all",
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 25,
    });
  });

  it("never asks for an offset listClients would refuse", () => {
    const last = toListClientsQuery(clientListParamsSchema.parse({ page: "10000", pageSize: "100" }));
    expect(listClientsQuerySchema.parse(last).offset).toBe(999_900);
    expect(clientListParamsSchema.parse({ page: "10001" }).page).toBe(1);
  });
});
