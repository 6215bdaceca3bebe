"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { type FieldPath, useForm } from "react-hook-form";
import type { z } from "zod";
import { createEndpointAction, updateEndpointAction } from "@/app/(console)/admin/webhooks/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { type OneTimeSecret, SecretDialog } from "@/components/secret-dialog/secret-dialog";
import { Button } from "@/components/ui/button";
import { FieldFrame, FormMessage, TextField } from "@/components/ui/field";
import type { WebhookEventType } from "@/lib/webhooks/webhook-event-catalogue";
import { webhookEndpointSchemas } from "@/lib/webhooks/webhook-schemas";
import { EventCheckboxes } from "./event-checkboxes";
import { endpointPath } from "./webhook-paths";
import { webhookSecretContent } from "./webhook-secret-content";

// The browser cannot know LATCHKEY_OUTBOUND_ALLOW_HOSTS: it lets http through, and the server,
// which does, says "The endpoint URL must start with https://" on the field for a host not listed.
const formSchema = webhookEndpointSchemas({ allowsPlainHttp: () => true }).create;
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
const FIELDS: readonly FieldPath<FormInput>[] = ["url", "description", "eventTypes"];

export interface EditableEndpoint {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
}

/**
 * "Endpoint URL", "Description" and the events, for "Add endpoint" (then the signing secret,
 * once, in the one-time dialog, and on to the endpoint's page) or for a saved endpoint's settings.
 */
export function EndpointForm({ endpoint }: { endpoint?: EditableEndpoint }) {
  const router = useRouter();
  const idPrefix = useId();
  const id = (field: string) => `${idPrefix}-${field}`;
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [secret, setSecret] = useState<{ content: OneTimeSecret; endpointId: string } | null>(null);
  const submitting = useRef(false);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      url: endpoint?.url ?? "",
      description: endpoint?.description ?? "",
      eventTypes: endpoint?.eventTypes ?? [],
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    if (submitting.current) return;
    submitting.current = true;
    setFormError(undefined);
    setSaved(false);
    try {
      const result = endpoint
        ? await updateEndpointAction({ ...values, endpointId: endpoint.id })
        : await createEndpointAction(values);
      if (!result.ok) {
        setFormError(result.formError);
        showFieldErrors(setError, result.fieldErrors);
        const first = FIELDS.find((field) => field in result.fieldErrors);
        if (first) setFocus(first);
        return;
      }
      if ("secret" in result.data) {
        const created = result.data;
        setSecret({
          endpointId: created.endpoint.id,
          content: webhookSecretContent("Webhook endpoint added", created.endpoint, created.secret),
        });
        return;
      }
      reset({
        url: result.data.url,
        description: result.data.description,
        eventTypes: result.data.eventTypes,
      });
      setSaved(true);
      router.refresh();
    } finally {
      submitting.current = false;
    }
  });

  return (
    <>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={endpoint ? "Edit endpoint" : "Add endpoint"}
        className="max-w-2xl space-y-5"
      >
        <FormMessage message={formError} />
        <TextField
          id={id("url")}
          label="Endpoint URL"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
          hint="An https URL of your receiver, e.g. https://hooks.example.com/latchkey. Latchkey refuses private and local addresses."
          error={errors.url?.message}
          {...register("url")}
        />
        <FieldFrame
          id={id("description")}
          label="Description"
          hint="Optional: what receives these events, for the people who read this list."
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
        <EventCheckboxes
          idPrefix={idPrefix}
          register={register("eventTypes")}
          error={errors.eventTypes?.message}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : endpoint ? "Save changes" : "Save"}
          </Button>
          {saved && !isDirty ? (
            <p role="status" className="text-sm text-emerald-800">
              Changes saved.
            </p>
          ) : null}
        </div>
      </form>
      <SecretDialog
        secret={secret?.content ?? null}
        onClosed={() => {
          const endpointId = secret?.endpointId;
          setSecret(null);
          if (endpointId) router.push(endpointPath(endpointId));
        }}
      />
    </>
  );
}
