import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/clients/format-date-time";
import { DATA_FLOWS_PATH, DEVICES_PATH } from "@/components/data-flows/data-flow-paths";
import { DeviceSourceFilter } from "@/components/devices/device-source-filter";
import { DevicesTable } from "@/components/devices/devices-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { deviceListParamsSchema } from "@/lib/devices/device-list-params";
import { listDevicesForConsole } from "@/lib/devices/list-devices-for-console";

export const metadata: Metadata = { title: "Devices" };

const STATUS_LABELS: Record<string, string> = {
  available: "Available",
  assigned: "Assigned",
  maintenance: "Maintenance",
  retired: "Retired",
};

/**
 * The organization's devices, entered in Latchkey or imported by data flows, with where each
 * came from; the same devices `GET /api/v1/devices` returns.
 */
export default async function DevicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const admin = await requireAdmin();
  const params = deviceListParamsSchema.parse(await searchParams);
  const { devices, total } = await listDevicesForConsole(await getDb(), admin.organization.id, params);
  const filtered = params.q !== "" || params.source !== "all" || params.host !== "";

  return (
    <>
      <PageHeader
        title="Devices"
        description="Your organization's devices, whether entered in Latchkey or imported by a data flow. Imported fields are kept up to date by the flow's runs; a device no longer seen upstream is marked missing, not deleted."
      />
      {params.host ? (
        <p className="mb-4 text-sm text-slate-700">
          Showing devices imported from <span className="font-mono">{params.host}</span>.{" "}
          <Link href={DEVICES_PATH} className="text-indigo-700 underline">
            Show all devices
          </Link>
        </p>
      ) : null}
      <DevicesTable
        rows={devices.map((device) => ({
          id: device.id,
          hostname: device.hostname,
          serial: device.serial,
          model: device.model,
          ipAddresses: device.ipAddresses,
          lastSeen: device.lastSeenAt ? formatDateTime(device.lastSeenAt) : null,
          source:
            device.source === "axonius" ? `Axonius · ${device.sourceHost ?? ""}` : "Entered in Latchkey",
          missingSince: device.missingSince ? formatDateTime(device.missingSince) : null,
          status: STATUS_LABELS[device.status] ?? device.status,
        }))}
        total={total}
        state={{
          q: params.q,
          sort: params.sort,
          dir: params.dir,
          page: params.page,
          pageSize: params.pageSize,
        }}
        filters={<DeviceSourceFilter source={params.source} />}
        empty={
          filtered ? (
            "No device matches the search and filter."
          ) : (
            <>
              No devices yet.{" "}
              <Link href={DATA_FLOWS_PATH} className="text-indigo-700 underline">
                Import them with a data flow
              </Link>
              .
            </>
          )
        }
      />
    </>
  );
}
