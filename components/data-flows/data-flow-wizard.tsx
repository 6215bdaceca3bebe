"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import type { CredentialSummary } from "@/components/credentials/credential-summary";
import { NewCredentialDialog } from "@/components/credentials/new-credential-dialog";
import { Button } from "@/components/ui/button";
import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import { AuthenticateStep, credentialTileId } from "./authenticate-step";
import { ConfigureStep } from "./configure-step";
import { type ConnectorChoice, ConnectorStep } from "./connector-step";
import { resolveWizardState, WIZARD_STEPS, type WizardStepKey } from "./wizard-state";
import { WizardStepList } from "./wizard-step-list";

const byName = (a: CredentialSummary, b: CredentialSummary) =>
  a.name.localeCompare(b.name, "en", { sensitivity: "base" });

/** The tiles offered: the server's, and any added here that the server's list does not show yet. */
function mergeCredentials(fromServer: readonly CredentialSummary[], added: readonly CredentialSummary[]) {
  const ids = new Set(fromServer.map((credential) => credential.id));
  return [...fromServer, ...added.filter((credential) => !ids.has(credential.id))].sort(byName);
}

/**
 * "Create data flow": Connector → Authenticate → Configure → Review. The step and the choices
 * live in the address (`?step=authenticate&connector=axonius&credential=…`), so a reload, a
 * shared link and the browser's Back button all keep the place; moving between steps adds a
 * history entry, choosing a tile replaces it.
 */
export function DataFlowWizard({
  connectors,
  credentials,
  moreCredentials,
}: {
  connectors: readonly ConnectorChoice[];
  credentials: readonly CredentialSummary[];
  /** Shown above the credential tiles when the organization has more than they show. */
  moreCredentials?: ReactNode;
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [added, setAdded] = useState<CredentialSummary[]>([]);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string>();
  const offered = useMemo(() => mergeCredentials(credentials, added), [credentials, added]);
  const state = resolveWizardState(
    {
      step: searchParams.get("step"),
      connector: searchParams.get("connector"),
      credential: searchParams.get("credential"),
    },
    { connectors: connectors.map((connector) => connector.key), credentials: offered },
  );
  const connector = connectors.find((candidate) => candidate.key === state.connector) ?? null;
  const tiles = offered.filter((credential) => credential.connector === state.connector);
  const credential = tiles.find((candidate) => candidate.id === state.credentialId) ?? null;
  const stepLabel = WIZARD_STEPS.find((step) => step.key === state.step)?.label ?? "";

  const navigate = (changes: Record<string, string | null>, mode: "push" | "replace") => {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) params.delete(key);
      else params.set(key, value);
    }
    const url = `${pathname}?${params.toString()}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  const openStep = (step: WizardStepKey) => {
    setError(undefined);
    navigate({ step }, "push");
  };

  // A new step takes focus to its heading, so keyboard and screen reader users start there.
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(state.step);
  useEffect(() => {
    if (shownStep.current === state.step) return;
    shownStep.current = state.step;
    heading.current?.focus();
  }, [state.step]);

  // A credential just saved is selected; focus goes to its tile.
  const focusTile = useRef<string | null>(null);
  useEffect(() => {
    const id = focusTile.current;
    if (!id || state.credentialId !== id) return;
    focusTile.current = null;
    document.getElementById(credentialTileId(id))?.focus();
  }, [state.credentialId]);

  const chooseConnector = (key: OutboundConnectorKey) => {
    setError(undefined);
    navigate({ connector: key, credential: key === state.connector ? state.credentialId : null }, "replace");
  };
  const chooseCredential = (id: string) => {
    setError(undefined);
    navigate({ credential: id }, "replace");
  };
  const saved = (created: CredentialSummary) => {
    setAdded((previous) => [...previous.filter((entry) => entry.id !== created.id), created]);
    focusTile.current = created.id;
    setError(undefined);
    setAdding(false);
    navigate({ credential: created.id }, "replace");
  };

  const next = () => {
    if (state.step === "connector") {
      if (!state.connector) return setError("Choose a connector to continue.");
      return openStep("authenticate");
    }
    if (state.step === "authenticate") {
      if (!state.credentialId) return setError("Choose a credential, or add one, to continue.");
      return openStep("configure");
    }
  };
  const back = () => {
    if (state.step === "authenticate") openStep("connector");
    if (state.step === "configure") openStep("authenticate");
  };

  return (
    <div>
      <WizardStepList current={state.step} choices={state} onOpen={openStep} />
      <section aria-labelledby="wizard-step-heading" className="space-y-6">
        <h2
          id="wizard-step-heading"
          ref={heading}
          tabIndex={-1}
          className="text-xl font-semibold text-slate-900 focus:outline-none"
        >
          {stepLabel}
        </h2>
        {state.step === "connector" ? (
          <ConnectorStep
            connectors={connectors}
            chosen={state.connector}
            error={error}
            onChoose={chooseConnector}
          />
        ) : null}
        {state.step === "authenticate" && connector ? (
          <AuthenticateStep
            connectorLabel={connector.label}
            credentials={tiles}
            chosen={state.credentialId}
            error={error}
            more={moreCredentials}
            onChoose={chooseCredential}
            onAdd={() => setAdding(true)}
          />
        ) : null}
        {state.step === "configure" && connector && credential ? (
          <ConfigureStep connectorLabel={connector.label} credential={credential} />
        ) : null}
        <div className="flex gap-2 border-t border-slate-200 pt-4">
          {state.step !== "connector" ? (
            <Button variant="secondary" onClick={back}>
              Back
            </Button>
          ) : null}
          {state.step === "connector" || state.step === "authenticate" ? (
            <Button onClick={next}>Continue</Button>
          ) : null}
        </div>
      </section>
      {connector ? (
        <NewCredentialDialog
          open={adding}
          connector={connector.key}
          onClose={() => setAdding(false)}
          onSaved={saved}
        />
      ) : null}
    </div>
  );
}
