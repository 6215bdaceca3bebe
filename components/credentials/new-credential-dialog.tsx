"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { type FieldPath, useForm } from "react-hook-form";
import type { z } from "zod";
import { createCredentialAction } from "@/app/(console)/admin/credentials/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { Button } from "@/components/ui/button";
import { FieldFrame, FormMessage, TextField } from "@/components/ui/field";
import { keepTabInside } from "@/components/ui/keep-tab-inside";
import { OUTBOUND_CONNECTORS, type OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import {
  type CreateOutboundCredentialInput,
  outboundCredentialSchemas,
} from "@/lib/outbound-credentials/credential-schemas";
import { CREDENTIAL_DESCRIPTION_HINT, CREDENTIAL_NAME_HINT, hostUrlHint } from "./credential-field-hints";
import type { CredentialSummary } from "./credential-summary";

// The browser cannot know LATCHKEY_OUTBOUND_ALLOW_HOSTS: it lets http through, and the server,
// which does, says "The host URL must start with https://" on the field for any host not listed.
const formSchema = outboundCredentialSchemas({ allowsPlainHttp: () => true }).create;
type FormOutput = z.output<typeof formSchema>;
const FIELDS: readonly FieldPath<CreateOutboundCredentialInput>[] = [
  "name",
  "description",
  "hostUrl",
  "apiKey",
  "clientSecret",
];

const emptyValues = (connector: OutboundConnectorKey): CreateOutboundCredentialInput => ({
  connector,
  name: "",
  description: "",
  hostUrl: "",
  apiKey: "",
  clientSecret: "",
});

/**
 * The "New Credential" overlay: "Credential Name", "Credential Description", the connector's
 * host URL, API key and client secret, and "Save". The two secrets are password fields that
 * the server never sends back; the form forgets them when it closes.
 */
export function NewCredentialDialog({
  open,
  connector,
  onClose,
  onSaved,
}: {
  open: boolean;
  connector: OutboundConnectorKey;
  onClose: () => void;
  onSaved: (credential: CredentialSummary) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const idPrefix = useId();
  const id = (field: string) => `${idPrefix}-${field}`;
  const labels = OUTBOUND_CONNECTORS[connector].fieldLabels;
  const [formError, setFormError] = useState<string>();
  const submitting = useRef(false);
  const defaults = useMemo(() => emptyValues(connector), [connector]);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<CreateOutboundCredentialInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: defaults,
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
    // Opened or closed, the form starts empty: typed secrets do not outlive the dialog.
    reset(defaults);
    setFormError(undefined);
  }, [open, reset, defaults]);

  const onSubmit = handleSubmit(async (values) => {
    if (submitting.current) return;
    submitting.current = true;
    setFormError(undefined);
    try {
      const result = await createCredentialAction(values);
      if (result.ok) {
        reset(defaults);
        onSaved(result.data);
        return;
      }
      setFormError(result.formError);
      showFieldErrors(setError, result.fieldErrors);
      const first = FIELDS.find((field) => field in result.fieldErrors);
      if (first) setFocus(first);
    } finally {
      submitting.current = false;
    }
  });

  const describedBy = (field: keyof typeof errors, hint: boolean) =>
    errors[field] ? `${id(field)}-error` : hint ? `${id(field)}-hint` : undefined;

  return (
    <dialog
      ref={dialog}
      onKeyDown={keepTabInside}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!isSubmitting) onClose();
      }}
      className="m-auto w-full max-w-xl rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4 p-6">
        <h2 id={titleId} className="text-xl font-semibold text-slate-900">
          New Credential
        </h2>
        <p className="text-sm text-slate-600">
          Latchkey stores the API key and client secret encrypted and sends them only to this host, in the{" "}
          <code>api-key</code> and <code>api-secret</code> headers. Neither is shown again after you save.
        </p>
        <FormMessage message={formError} />
        <input type="hidden" {...register("connector")} />
        <TextField
          id={id("name")}
          label="Credential Name"
          autoComplete="off"
          maxLength={200}
          required
          hint={CREDENTIAL_NAME_HINT}
          error={errors.name?.message}
          {...register("name")}
        />
        <FieldFrame
          id={id("description")}
          label="Credential Description"
          hint={CREDENTIAL_DESCRIPTION_HINT}
          error={errors.description?.message}
        >
          <textarea
            id={id("description")}
            rows={2}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describedBy("description", true)}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-red-600"
            {...register("description")}
          />
        </FieldFrame>
        <TextField
          id={id("hostUrl")}
          label={labels.hostUrl}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
          hint={hostUrlHint(connector)}
          error={errors.hostUrl?.message}
          {...register("hostUrl")}
        />
        <TextField
          id={id("apiKey")}
          label={labels.apiKey}
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          hint="The API key from your instance's API settings."
          error={errors.apiKey?.message}
          {...register("apiKey")}
        />
        <TextField
          id={id("clientSecret")}
          label={labels.clientSecret}
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          hint="The client secret issued with the API key."
          error={errors.clientSecret?.message}
          {...register("clientSecret")}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
