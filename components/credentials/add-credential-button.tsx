"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import { credentialPath } from "./credential-summary";
import { NewCredentialDialog } from "./new-credential-dialog";

/** A button that opens the New Credential dialog; once saved, the credential's page opens, to test it. */
export function AddCredentialButton({
  connector,
  label,
}: {
  connector: OutboundConnectorKey;
  label: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{label}</Button>
      <NewCredentialDialog
        open={open}
        connector={connector}
        onClose={() => setOpen(false)}
        onSaved={(credential) => {
          setOpen(false);
          router.push(credentialPath(credential.id));
        }}
      />
    </>
  );
}
