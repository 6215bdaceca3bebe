"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { type CredentialSummary, credentialPath } from "@/components/credentials/credential-summary";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { Button, buttonClasses } from "@/components/ui/button";
import { dataFlowSettingsSchema } from "@/lib/data-flows/data-flow-schemas";
import {
  type DataFlowFieldValues,
  DataFlowNameField,
  ImportFields,
  ScheduleFields,
} from "./data-flow-fields";
import { FieldMappingTable } from "./field-mapping-table";
import { WIZARD_PATH, type WizardState, wizardHref } from "./wizard-state";

/**
 * Step "Configure": the data flow's name, what to import (Devices, with an optional Axonius
 * filter and the field mapping, read-only) and its schedule. "Continue" opens Review with the
 * configuration in the address; without scripts the form asks for it itself and the server
 * checks it the same way, coming back here with the errors.
 */
export function ConfigureStep({
  connectorLabel,
  credential,
  state,
}: {
  connectorLabel: string;
  credential: CredentialSummary;
  state: WizardState;
}) {
  const router = useRouter();
  const idPrefix = useId();
  const {
    register,
    handleSubmit,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DataFlowFieldValues, unknown, z.output<typeof dataFlowSettingsSchema>>({
    // The credential chosen on Authenticate is part of the values, as on a flow's Settings.
    resolver: zodResolver(dataFlowSettingsSchema),
    defaultValues: {
      name: state.draft.name ?? "",
      credentialId: state.credentialId ?? "",
      imports: "devices",
      filter: state.draft.filter ?? "",
      schedule: (state.draft.schedule as DataFlowFieldValues["schedule"] | undefined) ?? "manual",
      cron: state.draft.cron ?? "",
    },
  });
  useEffect(
    () => showFieldErrors(setError, state.configurationErrors),
    [setError, state.configurationErrors],
  );

  const onSubmit = handleSubmit(({ credentialId: _chosen, ...configuration }) => {
    router.push(wizardHref("review", { ...state, configuration }));
  });

  return (
    <form
      action={WIZARD_PATH}
      method="get"
      onSubmit={onSubmit}
      noValidate
      aria-label="Configure"
      className="space-y-6"
    >
      <input type="hidden" name="step" value="review" />
      <input type="hidden" name="connector" value={state.connector ?? ""} />
      <input type="hidden" name="credential" value={state.credentialId ?? ""} />
      <p className="text-sm text-slate-600">
        Importing from {connectorLabel} with{" "}
        <Link href={credentialPath(credential.id)} className="font-medium text-indigo-700 underline">
          {credential.name}
        </Link>{" "}
        (<span className="font-mono text-xs">{credential.hostUrl}</span>).
      </p>
      <div className="max-w-2xl space-y-6">
        <DataFlowNameField id={`${idPrefix}-name`} register={register} errors={errors} />
        <ImportFields idPrefix={idPrefix} register={register} errors={errors} />
        <FieldMappingTable />
        <ScheduleFields
          idPrefix={idPrefix}
          register={register}
          errors={errors}
          schedule={watch("schedule")}
        />
      </div>
      <div className="flex gap-2 border-t border-slate-200 pt-4">
        <Link href={wizardHref("authenticate", state)} className={buttonClasses("secondary")}>
          Back
        </Link>
        <Button type="submit" disabled={isSubmitting}>
          Continue
        </Button>
      </div>
    </form>
  );
}
