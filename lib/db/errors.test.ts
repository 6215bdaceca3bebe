import { describe, expect, it } from "vitest";
import { asDatabaseUnavailable, DatabaseUnavailableError, isUniqueViolation } from "./errors";

/** What drizzle throws: its own error, the driver's in `cause`. */
function failedQuery(cause: object): Error {
  return Object.assign(new Error("Failed query: select 1\nparams: "), {
    query: "select 1",
    params: [],
    cause,
  });
}

const serverError = (code: string, message = "…") =>
  Object.assign(new Error(message), { name: "PostgresError", code, severity: "ERROR" });
const driverError = (code: string) => Object.assign(new Error(`write ${code} 127.0.0.1:5432`), { code });

describe("asDatabaseUnavailable", () => {
  it.each([
    ["57P01", "terminated by an administrator (pg_terminate_backend)"],
    ["57P02", "crash shutdown"],
    ["57P03", "cannot connect now (starting up)"],
    ["57014", "statement timeout"],
    ["08006", "connection failure"],
    ["08001", "could not connect"],
    ["53300", "too many connections"],
    ["53200", "out of memory"],
    ["55P03", "lock timeout"],
    ["40001", "serialization failure"],
    ["40P01", "deadlock"],
    ["28P01", "the server refused the password"],
    ["3D000", "the database does not exist"],
  ])("classifies SQLSTATE %s (%s) as unavailable", (code) => {
    expect(asDatabaseUnavailable(failedQuery(serverError(code)))?.code).toBe(code);
  });

  it.each([
    "CONNECTION_CLOSED",
    "CONNECTION_ENDED",
    "CONNECTION_DESTROYED",
    "CONNECT_TIMEOUT",
    "ECONNREFUSED",
    "ECONNRESET",
  ])("classifies the driver's %s as unavailable", (code) => {
    expect(asDatabaseUnavailable(failedQuery(driverError(code)))?.code).toBe(code);
  });

  it.each([
    ["23505", "unique violation"],
    ["23503", "foreign key violation"],
    ["42P01", "undefined table (a bug)"],
    ["22012", "division by zero"],
    ["22P02", "invalid text representation"],
  ])("leaves SQLSTATE %s (%s) alone: a bug or bad input, not an outage", (code) => {
    expect(asDatabaseUnavailable(failedQuery(serverError(code)))).toBeNull();
  });

  it("recognises the embedded database closed, its own errors, and nothing else", () => {
    expect(asDatabaseUnavailable(failedQuery(new Error("PGlite is closed")))?.code).toBe("PGLITE_CLOSED");
    const deadline = new DatabaseUnavailableError("QUERY_DEADLINE");
    expect(asDatabaseUnavailable(failedQuery(deadline))).toBe(deadline);
    expect(asDatabaseUnavailable(new Error("boom"))).toBeNull();
    expect(asDatabaseUnavailable(new TypeError("x is undefined"))).toBeNull();
    expect(asDatabaseUnavailable("a string")).toBeNull();
    expect(asDatabaseUnavailable(undefined)).toBeNull();
  });

  it("keeps what it classified as the cause", () => {
    const original = failedQuery(serverError("57P01"));
    expect(asDatabaseUnavailable(original)?.cause).toBe(original);
  });
});

describe("isUniqueViolation", () => {
  it("finds the violation in what drizzle wraps, by constraint when asked", () => {
    const error = failedQuery(Object.assign(serverError("23505"), { constraint_name: "users_email_unique" }));
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "users_email_unique")).toBe(true);
    expect(isUniqueViolation(error, "roles_name_unique")).toBe(false);
    expect(isUniqueViolation(failedQuery(serverError("57P01")))).toBe(false);
  });
});
