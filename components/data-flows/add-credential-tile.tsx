"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { NewCredentialDialog } from "@/components/credentials/new-credential-dialog";
import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import { credentialTileId } from "./credential-tile-id";
import { wizardHref } from "./wizard-state";

/**
 * The "Add Credential" tile: opens the New Credential dialog; once saved, the step shows the
 * new credential as a tile, selected, and focus goes to it.
 */
export function AddCredentialTile({
  connector,
  connectorLabel,
  selectedCredentialId,
}: {
  connector: OutboundConnectorKey;
  connectorLabel: string;
  /** The credential the step shows selected (from the address). */
  selectedCredentialId: string | null;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const saved = useRef<string | null>(null);

  // The step shows the new tile once the server has answered the new address.
  useEffect(() => {
    const id = saved.current;
    if (!id || selectedCredentialId !== id) return;
    saved.current = null;
    document.getElementById(credentialTileId(id))?.focus();
  }, [selectedCredentialId]);

  return (
    <div className="relative rounded-lg border-2 border-dashed border-slate-300 bg-white p-4 hover:border-indigo-500">
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-describedby="add-credential-description"
        className="font-medium text-indigo-800 after:absolute after:inset-0 after:content-[''] focus:outline-none focus-visible:after:rounded-lg focus-visible:after:ring-2 focus-visible:after:ring-indigo-500"
      >
        <span aria-hidden="true">+ </span>Add Credential
      </button>
      <p id="add-credential-description" className="mt-1 text-sm text-slate-600">
        Save a new {connectorLabel} host URL, API key and client secret.
      </p>
      <NewCredentialDialog
        open={open}
        connector={connector}
        onClose={() => setOpen(false)}
        onSaved={(credential) => {
          saved.current = credential.id;
          setOpen(false);
          router.replace(wizardHref("authenticate", { connector, credentialId: credential.id }), {
            scroll: false,
          });
        }}
      />
    </div>
  );
}
