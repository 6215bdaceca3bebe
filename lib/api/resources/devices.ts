import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { deviceSourceEnum, deviceStatusEnum, devices, deviceTypeEnum, users } from "@/lib/db/schema";
import { displayName } from "@/lib/validation/text-fields";
import { codeText, enumOf, exactFilter, idFilter, referenceId } from "../api-fields";
import { conflictProblem } from "../api-problem";
import { defineResource } from "../resource-definition";

const deviceType = enumOf(deviceTypeEnum.enumValues);
const deviceStatus = enumOf(deviceStatusEnum.enumValues);
const deviceSource = enumOf(deviceSourceEnum.enumValues);

const deviceFields = {
  serial: codeText("Serial", 100).describe("Unique in the organization."),
  model: displayName("Model"),
  type: deviceType,
  status: deviceStatus,
  assigned_user_id: referenceId.nullable().describe("The user holding the device, or null."),
};

/** Fields an import sets from the source: the next run would overwrite a change made here. */
const IMPORTED_FIELDS = ["serial", "model", "type"] as const;

/**
 * Devices (cameras, phones, docks, and devices imported from Axonius) and who holds them.
 * hostname, ip_addresses, last_seen_at, source, source_host, external_id and missing_since
 * are read-only: a data flow sets them (lib/data-flows/import-devices.ts).
 */
export const deviceResource = defineResource({
  key: "devices",
  noun: "device",
  table: devices,
  hiddenColumns: ["ip_addresses", "last_import_run_id"],
  computed: {
    // A computed field so the response schema says "list of strings", not "object".
    ip_addresses: {
      select: sql`${devices.ipAddresses}`,
      schema: z
        .array(z.string())
        .describe("IP addresses the source reports; empty for devices entered here."),
    },
  },
  filters: z.strictObject({
    status: deviceStatus.optional(),
    type: deviceType.optional(),
    source: deviceSource.optional(),
    assigned_user_id: idFilter,
    serial: exactFilter(100).describe("The exact serial."),
  }),
  where: (filters) => [
    filters.status ? eq(devices.status, filters.status) : undefined,
    filters.type ? eq(devices.type, filters.type) : undefined,
    filters.source ? eq(devices.source, filters.source) : undefined,
    filters.assigned_user_id ? eq(devices.assignedUserId, filters.assigned_user_id) : undefined,
    filters.serial !== undefined ? eq(devices.serial, filters.serial) : undefined,
  ],
  sorts: { serial: devices.serial, created_at: devices.createdAt },
  defaultSort: "serial",
  create: z.strictObject({
    ...deviceFields,
    status: deviceFields.status.optional(),
    assigned_user_id: deviceFields.assigned_user_id.optional(),
  }),
  update: z.strictObject(deviceFields).partial(),
  references: { assigned_user_id: users },
  guard: async (input, { tx, caller, mode, id }) => {
    if (mode !== "update" || !id) return;
    const changed = IMPORTED_FIELDS.filter((field) => input[field] !== undefined);
    if (changed.length === 0) return;
    const [row] = await tx
      .select({ source: devices.source })
      .from(devices)
      .where(and(eq(devices.organizationId, caller.organizationId), eq(devices.id, id)));
    if (row?.source !== "axonius") return;
    throw conflictProblem(
      changed.map((field) => ({
        pointer: `/${field}`,
        detail: "The device is imported from Axonius; its data flow sets this field",
      })),
    );
  },
  uniqueConstraints: {
    devices_organization_serial_unique: { field: "serial", detail: "Another device already has this serial" },
  },
});
