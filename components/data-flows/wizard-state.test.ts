import { describe, expect, it } from "vitest";
import {
  CHOOSE_CONNECTOR,
  CHOOSE_CREDENTIAL,
  isStepReachable,
  resolveWizardState,
  wizardHref,
  wizardRefusal,
} from "./wizard-state";

const offered = {
  connectors: ["axonius"] as const,
  credentials: [
    { id: "11111111-1111-4111-8111-111111111111", connector: "axonius" as const },
    { id: "22222222-2222-4222-8222-222222222222", connector: "axonius" as const },
  ],
};
const first = offered.credentials[0]?.id ?? "";

describe("resolveWizardState", () => {
  it("opens at Connector with nothing chosen", () => {
    expect(resolveWizardState({ step: null, connector: null, credential: null }, offered)).toEqual({
      step: "connector",
      connector: null,
      credentialId: null,
    });
  });

  it("keeps the step and choices an address names when they hold", () => {
    expect(
      resolveWizardState({ step: "configure", connector: "axonius", credential: first }, offered),
    ).toEqual({
      step: "configure",
      connector: "axonius",
      credentialId: first,
    });
  });

  it.each([
    [
      "an unknown connector",
      { step: "authenticate", connector: "servicenow", credential: null },
      "connector",
    ],
    ["no connector", { step: "configure", connector: null, credential: first }, "connector"],
    [
      "a credential not offered",
      { step: "configure", connector: "axonius", credential: "nope" },
      "authenticate",
    ],
    [
      "Review, which data flows open",
      { step: "review", connector: "axonius", credential: first },
      "configure",
    ],
    ["an unknown step", { step: "finish", connector: "axonius", credential: first }, "connector"],
  ])("falls back to the furthest step reachable for %s", (_, params, step) => {
    expect(resolveWizardState(params, offered).step).toBe(step);
  });
});

describe("isStepReachable", () => {
  it("needs the connector for Authenticate and the credential for Configure; Review waits for data flows", () => {
    expect(isStepReachable("connector", { connector: null, credentialId: null })).toBe(true);
    expect(isStepReachable("authenticate", { connector: null, credentialId: null })).toBe(false);
    expect(isStepReachable("authenticate", { connector: "axonius", credentialId: null })).toBe(true);
    expect(isStepReachable("configure", { connector: "axonius", credentialId: null })).toBe(false);
    expect(isStepReachable("configure", { connector: "axonius", credentialId: first })).toBe(true);
    expect(isStepReachable("review", { connector: "axonius", credentialId: first })).toBe(false);
  });
});

describe("wizardRefusal and wizardHref", () => {
  it("names the missing choice when Continue was sent without one, and nothing otherwise", () => {
    const noConnector = resolveWizardState(
      { step: "authenticate", connector: null, credential: null },
      offered,
    );
    expect(wizardRefusal("authenticate", noConnector)).toBe(CHOOSE_CONNECTOR);
    const noCredential = resolveWizardState(
      { step: "configure", connector: "axonius", credential: null },
      offered,
    );
    expect(wizardRefusal("configure", noCredential)).toBe(CHOOSE_CREDENTIAL);
    const fine = resolveWizardState({ step: "configure", connector: "axonius", credential: first }, offered);
    expect(wizardRefusal("configure", fine)).toBeNull();
    // Review is not refused for a missing choice: it is not there yet.
    expect(wizardRefusal("review", fine)).toBeNull();
    expect(wizardRefusal(null, noConnector)).toBeNull();
  });

  it("spells each step's address with the choices made so far", () => {
    expect(wizardHref("connector", { connector: null, credentialId: null })).toBe(
      "/data-flows/new?step=connector",
    );
    expect(wizardHref("configure", { connector: "axonius", credentialId: first })).toBe(
      `/data-flows/new?step=configure&connector=axonius&credential=${first}`,
    );
  });
});
