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
      configuration: null,
      draft: {},
      configurationErrors: {},
    });
  });

  it("keeps the step and choices an address names when they hold", () => {
    expect(
      resolveWizardState({ step: "configure", connector: "axonius", credential: first }, offered),
    ).toMatchObject({
      step: "configure",
      connector: "axonius",
      credentialId: first,
      configuration: null,
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
      "Review without a configuration",
      { step: "review", connector: "axonius", credential: first },
      "configure",
    ],
    [
      "Review with a configuration but no credential",
      { step: "review", connector: "axonius", credential: null, name: "Devices", schedule: "manual" },
      "authenticate",
    ],
    ["an unknown step", { step: "finish", connector: "axonius", credential: first }, "connector"],
  ])("falls back to the furthest step reachable for %s", (_, params, step) => {
    expect(resolveWizardState(params, offered).step).toBe(step);
  });
});

describe("isStepReachable", () => {
  it("needs the connector for Authenticate, the credential for Configure and a configuration for Review", () => {
    expect(isStepReachable("connector", { connector: null, credentialId: null })).toBe(true);
    expect(isStepReachable("authenticate", { connector: null, credentialId: null })).toBe(false);
    expect(isStepReachable("authenticate", { connector: "axonius", credentialId: null })).toBe(true);
    expect(isStepReachable("configure", { connector: "axonius", credentialId: null })).toBe(false);
    expect(isStepReachable("configure", { connector: "axonius", credentialId: first })).toBe(true);
    expect(isStepReachable("review", { connector: "axonius", credentialId: first })).toBe(false);
    expect(
      isStepReachable("review", {
        connector: "axonius",
        credentialId: first,
        configuration: { name: "Devices", imports: "devices", filter: "", schedule: "manual", cron: null },
      }),
    ).toBe(true);
  });
});

describe("the configuration in the address", () => {
  const base = { step: "review", connector: "axonius", credential: first };

  it("opens Review with the configuration parsed as the server will save it", () => {
    const state = resolveWizardState(
      { ...base, name: "  Lab devices ", filter: ' ("x" == 1) ', schedule: "cron", cron: " 0 6 * * 1-5 " },
      offered,
    );
    expect(state.step).toBe("review");
    expect(state.configuration).toEqual({
      name: "Lab devices",
      imports: "devices",
      filter: '("x" == 1)',
      schedule: "cron",
      cron: "0 6 * * 1-5",
    });
    expect(state.configurationErrors).toEqual({});
  });

  it("goes back to Configure with each field's error, keeping what was typed", () => {
    const state = resolveWizardState({ ...base, name: "", schedule: "cron", cron: "* * * * *" }, offered);
    expect(state.step).toBe("configure");
    expect(state.configuration).toBeNull();
    expect(state.configurationErrors).toEqual({
      name: "Data flow name is required",
      cron: "A data flow runs at most every 5 minutes",
    });
    expect(state.draft).toEqual({ name: "", schedule: "cron", cron: "* * * * *" });
  });

  it("refuses an unknown schedule and a cron expression without one", () => {
    expect(
      resolveWizardState({ ...base, name: "A", schedule: "weekly" }, offered).configurationErrors,
    ).toEqual({
      schedule: "Choose a schedule",
    });
    expect(resolveWizardState({ ...base, name: "A", schedule: "cron" }, offered).configurationErrors).toEqual(
      {
        cron: "Enter a cron expression",
      },
    );
  });

  it("spells Review's address with the configuration, and a cron only for a cron schedule", () => {
    const configuration = {
      name: "Lab & co",
      imports: "devices" as const,
      filter: "",
      schedule: "daily" as const,
      cron: null,
    };
    const href = wizardHref("review", { connector: "axonius", credentialId: first, configuration });
    expect(href).toBe(
      `/data-flows/new?step=review&connector=axonius&credential=${first}&name=Lab+%26+co&imports=devices&schedule=daily`,
    );
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    const again = resolveWizardState(
      {
        step: params.step ?? null,
        connector: params.connector ?? null,
        credential: params.credential ?? null,
        ...params,
      },
      offered,
    );
    expect(again.configuration).toEqual(configuration);
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
    // Review without a configuration goes back to Configure with field errors, not a refusal.
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
