/**
 * npm run fake-axonius — a fake Axonius on loopback for trying the Axonius connector locally
 * (README, "Trying the Axonius connector locally"). Every flag has an environment variable.
 */
import { parseArgs } from "node:util";
import { startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { parseFaultRule } from "@/lib/axonius/fake/fake-faults";
import { FAKE_AXONIUS_TLS_CERT, FAKE_AXONIUS_TLS_KEY } from "@/lib/axonius/fake/fake-tls-certificate";

const HELP = `Usage: npm run fake-axonius -- [options]

  --port N                    port on 127.0.0.1 (FAKE_AXONIUS_PORT, default 3979)
  --api-key KEY               accepted api-key (FAKE_AXONIUS_API_KEY, default fake-axonius-api-key)
  --api-secret SECRET         accepted api-secret (FAKE_AXONIUS_API_SECRET, default fake-axonius-api-secret)
  --devices N                 devices upstream (FAKE_AXONIUS_DEVICES, default 250)
  --version V                 version the about endpoint reports (FAKE_AXONIUS_VERSION, default 6.1.2)
  --fault RULE                repeatable (FAKE_AXONIUS_FAULTS, comma-separated), e.g.
                                devices:429=2*1   one 429 with Retry-After: 2
                                devices:202*2     two 202 "not ready" answers
                                devices:500@2     500 from the third page on
                                about:403         missing permission
                                about:slow=20000  answer 20 s late
                                any:html          a web page instead of the API
  --duplicate-serial-every N  every Nth device repeats the previous serial (FAKE_AXONIUS_DUPLICATE_SERIAL_EVERY)
  --https                     serve https with a self-signed certificate (Latchkey reports a TLS failure)
  --help
`;

function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    "api-key": { type: "string" },
    "api-secret": { type: "string" },
    devices: { type: "string" },
    version: { type: "string" },
    fault: { type: "string", multiple: true },
    "duplicate-serial-every": { type: "string" },
    https: { type: "boolean" },
    help: { type: "boolean" },
  },
});

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const env = process.env;
const faults =
  values.fault ?? (env.FAKE_AXONIUS_FAULTS ?? "").split(",").filter((rule) => rule.trim() !== "");
const fake = await startFakeAxonius({
  port: wholeNumber("--port", values.port ?? env.FAKE_AXONIUS_PORT, 3979),
  apiKey: values["api-key"] ?? env.FAKE_AXONIUS_API_KEY,
  apiSecret: values["api-secret"] ?? env.FAKE_AXONIUS_API_SECRET,
  deviceCount: wholeNumber("--devices", values.devices ?? env.FAKE_AXONIUS_DEVICES, 250),
  version: values.version ?? env.FAKE_AXONIUS_VERSION,
  faults: faults.map(parseFaultRule),
  duplicateSerialEvery: wholeNumber(
    "--duplicate-serial-every",
    values["duplicate-serial-every"] ?? env.FAKE_AXONIUS_DUPLICATE_SERIAL_EVERY,
    0,
  ),
  tls: values.https ? { key: FAKE_AXONIUS_TLS_KEY, cert: FAKE_AXONIUS_TLS_CERT } : undefined,
});

const scheme = values.https ? "https" : "http";
process.stdout.write(
  [
    `Fake Axonius on ${fake.url}`,
    `  Axonius Host URL:      ${scheme}://localhost:${fake.port}`,
    `  Axonius API Key:       ${fake.apiKey}`,
    `  Axonius Client Secret: ${fake.apiSecret}`,
    faults.length > 0 ? `  Faults:                ${faults.join(", ")}` : "  Faults:                none",
    "",
    "Start Latchkey with the fake allowed:",
    `  LATCHKEY_OUTBOUND_ALLOW_HOSTS=localhost:${fake.port} npm start`,
    "",
  ].join("\n"),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    fake.close().then(() => process.exit(0));
  });
}
