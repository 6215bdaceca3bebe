import { eq } from "drizzle-orm";
import { z } from "zod";
import { deviceStatusEnum, devices, deviceTypeEnum, users } from "@/lib/db/schema";
import { displayName } from "@/lib/validation/text-fields";
import { codeText, enumOf, exactFilter, idFilter, referenceId } from "../api-fields";
import { defineResource } from "../resource-definition";

const deviceType = enumOf(deviceTypeEnum.enumValues);
const deviceStatus = enumOf(deviceStatusEnum.enumValues);

const deviceFields = {
  serial: codeText("Serial", 100).describe("Unique in the organization."),
  model: displayName("Model"),
  type: deviceType,
  status: deviceStatus,
  assigned_user_id: referenceId.nullable().describe("The user holding the device, or null."),
};

/** Devices (cameras, phones, docks) and who holds them. */
export const deviceResource = defineResource({
  key: "devices",
  noun: "device",
  table: devices,
  filters: z.strictObject({
    status: deviceStatus.optional(),
    type: deviceType.optional(),
    assigned_user_id: idFilter,
    serial: exactFilter(100).describe("The exact serial."),
  }),
  where: (filters) => [
    filters.status ? eq(devices.status, filters.status) : undefined,
    filters.type ? eq(devices.type, filters.type) : undefined,
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
  uniqueConstraints: {
    devices_organization_serial_unique: { field: "serial", detail: "Another device already has this serial" },
  },
});
