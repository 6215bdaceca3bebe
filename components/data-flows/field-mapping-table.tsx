import { AXONIUS_DEVICE_MAPPING } from "@/lib/data-flows/map-axonius-device";

const LATCHKEY_FIELD_LABELS: Record<(typeof AXONIUS_DEVICE_MAPPING)[number]["latchkey"], string> = {
  hostname: "Hostname",
  serial: "Serial",
  model: "Model",
  ip_addresses: "IP addresses",
  last_seen_at: "Last seen",
};

/** The fixed mapping from Axonius device fields to Latchkey device fields, read-only. */
export function FieldMappingTable() {
  return (
    <table className="w-full max-w-2xl border-collapse text-left text-sm">
      <caption className="mb-2 text-left text-sm font-medium text-slate-800">Field mapping</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-600">
          <th scope="col" className="py-2 pr-4 font-medium">
            Axonius field
          </th>
          <th scope="col" className="py-2 font-medium">
            Latchkey device field
          </th>
        </tr>
      </thead>
      <tbody>
        {AXONIUS_DEVICE_MAPPING.map((row) => (
          <tr key={row.latchkey} className="border-b border-slate-100">
            <td className="py-2 pr-4 font-mono text-xs text-slate-700">{row.axonius}</td>
            <td className="py-2 text-slate-900">
              {LATCHKEY_FIELD_LABELS[row.latchkey]}{" "}
              <span className="font-mono text-xs text-slate-500">({row.latchkey})</span>
            </td>
          </tr>
        ))}
        <tr>
          <td className="py-2 pr-4 font-mono text-xs text-slate-700">internal_axon_id</td>
          <td className="py-2 text-slate-900">
            The device's key: a re-run updates the device it imported before
          </td>
        </tr>
      </tbody>
    </table>
  );
}
