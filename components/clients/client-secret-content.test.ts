import { describe, expect, it } from "vitest";
import { tokenEndpointUrl } from "@/lib/config/public-urls";
import { clientSecretContent } from "./client-secret-content";

const issued = {
  clientId: "lkc_abcdefghijklmnopqrstuvwx",
  name: 'Payroll "export"\nnightly',
  description: "Nightly payroll export",
  secret: "lk_cs_examplesecretvalue123456",
};

describe("clientSecretContent", () => {
  it("shows the four labelled values and a .env snippet pointing at the token endpoint", () => {
    const tokenUrl = tokenEndpointUrl({ NODE_ENV: "test", AUTH_URL: "https://latchkey.example/" });
    expect(tokenUrl).toBe("https://latchkey.example/api/oauth/token");
    const content = clientSecretContent("Client created", issued, { partnerId: "partner-1", tokenUrl });
    expect(content.fields).toEqual([
      { label: "Secret", value: issued.secret, secret: true },
      { label: "Client ID", value: issued.clientId },
      { label: "Partner ID", value: "partner-1" },
      { label: "Description", value: issued.description },
    ]);
    expect(content.envFile.name).toBe("latchkey-payroll-export-nightly.env");
    expect(content.envFile.content.split("\n")).toEqual([
      '# Latchkey API client "Payroll  export  nightly"',
      `LATCHKEY_CLIENT_ID=${issued.clientId}`,
      `LATCHKEY_CLIENT_SECRET=${issued.secret}`,
      "LATCHKEY_PARTNER_ID=partner-1",
      "LATCHKEY_TOKEN_URL=https://latchkey.example/api/oauth/token",
      "",
    ]);
  });
});
