import { describe, expect, it } from "vitest";
import {
  clientNameSchema,
  createClientSchema,
  deleteClientSchema,
  listClientsQuerySchema,
  rotateClientSecretSchema,
  updateClientSchema,
} from "./client-schemas";

describe("client schemas", () => {
  it("trims and NFC-normalizes the name", () => {
    expect(clientNameSchema.parse("  Cafe\u0301  ")).toBe("Caf\u00e9");
  });

  it.each([
    ["", "Client Name is required"],
    ["   ", "Client Name is required"],
    ["x".repeat(101), "Client Name must be 100 characters or fewer"],
    ["Tab\there", "Client Name must not contain control characters"],
    ["Bidi\u202eeman", "Client Name must not contain control characters"],
  ])("refuses the name %j", (name, message) => {
    const result = clientNameSchema.safeParse(name);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("accepts names of 1 and 100 characters", () => {
    expect(clientNameSchema.parse("x")).toBe("x");
    expect(clientNameSchema.parse("é".repeat(100))).toHaveLength(100);
  });

  it("defaults a new client to no description, no IPs and no permissions", () => {
    expect(createClientSchema.parse({ name: "New" })).toEqual({
      name: "New",
      description: "",
      allowedIps: [],
      permissions: [],
    });
  });

  it("puts field errors on the fields a form shows", () => {
    const result = createClientSchema.safeParse({
      name: "",
      description: "d".repeat(501),
      allowedIps: "10.0.0.0/8\n10.0.0.0/33",
      permissions: ["cases:read", "cases:fly"],
    });
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(["name", "description", "allowedIps.1", "permissions"]);
  });

  it("needs a well-formed client ID for commands on a client", () => {
    expect(updateClientSchema.safeParse({ clientId: "lkc_short" }).success).toBe(false);
    expect(deleteClientSchema.parse({ clientId: "lkc_000000000000000000000000" }).confirmationName).toBe("");
  });

  it("offers the four grace periods", () => {
    for (const grace of ["none", "1h", "24h", "7d"]) {
      expect(
        rotateClientSecretSchema.safeParse({
          clientId: "lkc_000000000000000000000000",
          grace,
          replacesSecretId: null,
        }).success,
      ).toBe(true);
    }
    expect(
      rotateClientSecretSchema.safeParse({
        clientId: "lkc_000000000000000000000000",
        grace: "30d",
        replacesSecretId: null,
      }).success,
    ).toBe(false);
  });

  it("reads list options from search params with safe defaults", () => {
    expect(listClientsQuerySchema.parse({})).toEqual({
      search: "",
      status: "all",
      usage: "all",
      idleDays: null,
      sort: "name",
      direction: "asc",
      limit: 25,
      offset: 0,
    });
    expect(
      listClientsQuerySchema.parse({
        search: " pay ",
        status: "disabled",
        sort: "lastUsedAt",
        limit: "50",
        offset: "100",
      }),
    ).toMatchObject({ search: "pay", status: "disabled", sort: "lastUsedAt", limit: 50, offset: 100 });
  });
});
