import { describe, expect, it } from "vitest";
import { callApi, callerFor, createApiTestTenant, createItem } from "@/lib/testing/api-test-support";

describe("report generation", () => {
  it("case_summary counts the cases opened in the range by status", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const other = callerFor((await createApiTestTenant()).organizationId);
    await createItem(other, "cases", {
      number: "O-1",
      title: "Other org",
      opened_at: "2026-05-05T00:00:00Z",
    });
    const opened = [
      ["open", "2026-04-30T23:59:59Z"],
      ["open", "2026-05-01T00:00:00Z"],
      ["open", "2026-05-10T00:00:00Z"],
      ["closed", "2026-05-20T00:00:00Z"],
      ["in_review", "2026-06-01T00:00:00Z"],
    ];
    for (const [index, [status, at]] of opened.entries()) {
      await createItem(caller, "cases", { number: `C-${index}`, title: "Case", status, opened_at: at });
    }
    const report = await createItem(caller, "reports", {
      kind: "case_summary",
      parameters: { opened_after: "2026-05-01T02:00:00+02:00", opened_before: "2026-06-01T00:00:00Z" },
    });
    expect(report).toMatchObject({
      kind: "case_summary",
      status: "completed",
      requested_by: "test client",
      parameters: { opened_after: "2026-05-01T00:00:00.000Z", opened_before: "2026-06-01T00:00:00.000Z" },
      result: {
        opened_after: "2026-05-01T00:00:00.000Z",
        opened_before: "2026-06-01T00:00:00.000Z",
        total: 3,
        by_status: { open: 2, in_review: 0, closed: 1 },
      },
    });
    expect(report.generated_at).not.toBeNull();
    expect((await callApi(caller, "GET", `reports/${report.id}`)).body).toEqual(report);
    const all = await createItem(caller, "reports", { kind: "case_summary" });
    expect(all.result).toMatchObject({ total: 5, by_status: { open: 3, in_review: 1, closed: 1 } });
  });

  it("evidence_inventory counts and sizes evidence by category", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const photos = await createItem(caller, "categories", { name: "Photos" });
    const audio = await createItem(caller, "categories", { name: "Audio" });
    const evidence = (size: number, category: string | null) => ({
      title: "item",
      content_type: "application/octet-stream",
      content: Buffer.alloc(size, 1).toString("base64"),
      captured_at: "2026-05-01T00:00:00Z",
      category_id: category,
    });
    await createItem(caller, "evidence", evidence(100, photos.id));
    await createItem(caller, "evidence", evidence(250, photos.id));
    await createItem(caller, "evidence", evidence(7, audio.id));
    await createItem(caller, "evidence", evidence(1, null));
    const report = await createItem(caller, "reports", { kind: "evidence_inventory" });
    expect(report.result).toEqual({
      captured_after: null,
      captured_before: null,
      total_count: 4,
      total_bytes: 358,
      by_category: [
        { category_id: audio.id, category_name: "Audio", count: 1, bytes: 7 },
        { category_id: photos.id, category_name: "Photos", count: 2, bytes: 350 },
        { category_id: null, category_name: null, count: 1, bytes: 1 },
      ],
    });
  });

  it("device_status counts devices by status and type", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    await createItem(caller, "devices", { serial: "A", model: "M", type: "body_camera" });
    await createItem(caller, "devices", {
      serial: "B",
      model: "M",
      type: "body_camera",
      status: "maintenance",
    });
    await createItem(caller, "devices", { serial: "C", model: "M", type: "dock", status: "retired" });
    const report = await createItem(caller, "reports", { kind: "device_status", parameters: {} });
    expect(report.result).toEqual({
      total: 3,
      by_status: { available: 1, assigned: 0, maintenance: 1, retired: 1 },
      by_type: {
        body_camera: 2,
        in_car_camera: 0,
        conducted_energy_weapon: 0,
        mobile_phone: 0,
        dock: 1,
        other: 0,
      },
    });
  });

  it.each([
    [{ kind: "weekly" }, "#/kind"],
    [
      { kind: "device_status", parameters: { opened_after: "2026-01-01T00:00:00Z" } },
      "#/parameters/opened_after",
    ],
    [{ kind: "case_summary", parameters: { opened_after: "soon" } }, "#/parameters/opened_after"],
    [
      {
        kind: "case_summary",
        parameters: { opened_after: "2026-02-01T00:00:00Z", opened_before: "2026-01-01T00:00:00Z" },
      },
      "#/parameters/opened_before",
    ],
    [{ kind: "case_summary", result: {} }, "#/result"],
    [{ kind: "case_summary", status: "completed" }, "#/status"],
  ])("refuses %j (422 at %s)", async (body, pointer) => {
    const { organizationId } = await createApiTestTenant();
    const result = await callApi(callerFor(organizationId), "POST", "reports", { body });
    expect(result.status).toBe(422);
    expect(result.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual([pointer]);
  });
});
