"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { type FieldPath, useForm } from "react-hook-form";
import type { z } from "zod";
import { updateCredentialAction } from "@/app/(console)/admin/credentials/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { Button } from "@/components/ui/button";
import { FieldFrame, FormMessage, TextField } from "@/components/ui/field";
import { OUTBOUND_CONNECTORS, type OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import {
  outboundCredentialSchemas,
  type UpdateOutboundCredentialInput,
} from "@/lib/outbound-credentials/credential-schemas";
import { CREDENTIAL_DESCRIPTION_HINT, CREDENTIAL_NAME_HINT, hostUrlHint } from "./credential-field-hints";

// As in the New Credential dialog: http is the server's to refuse, since only it knows the allow-list.
const formSchema = outboundCredentialSchemas({ allowsPlainHttp: () => true }).update;
type FormOutput = z.output<typeof formSchema>;

interface EditableCredential {
  id: string;
  connector: OutboundConnectorKey;
  name: string;
  description: string;
  hostUrl: string;
}

/** Name, description and host URL of a saved credential. The secrets are not here: they are replaced, below. */
export function CredentialSettingsForm({ credential }: { credential: EditableCredential }) {
  const router = useRouter();
  const idPrefix = useId();
  const id = (field: string) => `${idPrefix}-${field}`;
  const labels = OUTBOUND_CONNECTORS[credential.connector].fieldLabels;
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const submitting = useRef(false);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<UpdateOutboundCredentialInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      credentialId: credential.id,
      name: credential.name,
      description: credential.description,
      hostUrl: credential.hostUrl,
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    if (submitting.current) return;
    submitting.current = true;
    setFormError(undefined);
    setSaved(false);
    try {
      const result = await updateCredentialAction(values);
      if (!result.ok) {
        setFormError(result.formError);
        showFieldErrors(setError, result.fieldErrors);
        const first = (["name", "description", "hostUrl"] as FieldPath<UpdateOutboundCredentialInput>[]).find(
          (field) => field in result.fieldErrors,
        );
        if (first) setFocus(first);
        return;
      }
      reset({
        credentialId: credential.id,
        name: result.data.name,
        description: result.data.description,
        hostUrl: result.data.hostUrl,
      });
      setSaved(true);
      router.refresh();
    } finally {
      submitting.current = false;
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit credential" className="max-w-xl space-y-4">
      <FormMessage message={formError} />
      <input type="hidden" {...register("credentialId")} />
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
          aria-describedby={errors.description ? `${id("description")}-error` : `${id("description")}-hint`}
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
        hint={`${hostUrlHint(credential.connector)} Changing it clears the last test.`}
        error={errors.hostUrl?.message}
        {...register("hostUrl")}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save changes"}
        </Button>
        {saved && !isDirty ? (
          <p role="status" className="text-sm text-emerald-800">
            Changes saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
