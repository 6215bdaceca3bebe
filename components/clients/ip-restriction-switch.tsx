"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setIpRestrictionAction } from "@/app/(console)/admin/api-settings/actions";
import { FormMessage } from "@/components/ui/field";
import { plansIncluding } from "@/lib/plans/plan-catalogue";

/**
 * "Restrict API access by IP": when on, every client may call only from its Allowed IP
 * Addresses, and new clients must list at least one. The server decides who may switch it.
 */
export function IpRestrictionSwitch({ enabled, canEnable }: { enabled: boolean; canEnable: boolean }) {
  const router = useRouter();
  const [checked, setChecked] = useState(enabled);
  // Follow the server's value when a refresh brings a new one (e.g. another admin changed it).
  const [serverValue, setServerValue] = useState(enabled);
  if (serverValue !== enabled) {
    setServerValue(enabled);
    setChecked(enabled);
  }
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [pending, startTransition] = useTransition();

  const change = (next: boolean) => {
    setChecked(next);
    setError(undefined);
    setSaved(undefined);
    startTransition(async () => {
      const result = await setIpRestrictionAction({ enabled: next });
      if (!result.ok) {
        setChecked(!next);
        setError(result.formError ?? Object.values(result.fieldErrors)[0]);
        return;
      }
      setSaved(
        next
          ? "Saved: API access is now restricted by IP."
          : "Saved: API access is no longer restricted by IP.",
      );
      router.refresh();
    });
  };

  return (
    <section
      aria-labelledby="ip-restriction-heading"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="ip-restriction-heading" className="sr-only">
        IP restriction
      </h2>
      <div className="flex items-start gap-3">
        <input
          id="restrict-api-by-ip"
          type="checkbox"
          checked={checked}
          disabled={pending || (!checked && !canEnable)}
          onChange={(event) => change(event.target.checked)}
          aria-describedby="restrict-api-by-ip-hint"
          className="mt-1 size-4 accent-indigo-700"
        />
        <div>
          <label htmlFor="restrict-api-by-ip" className="text-sm font-medium text-slate-900">
            Restrict API access by IP
          </label>
          <p id="restrict-api-by-ip-hint" className="text-sm text-slate-600">
            {checked
              ? "On: each client may call the API only from its Allowed IP Addresses. Clients without any are refused."
              : "Off: clients may call the API from any address. When on, each client needs a list of allowed addresses or ranges."}
            {canEnable ? "" : ` Available on the ${plansIncluding("ipRestriction").join(" and ")} plan.`}
          </p>
        </div>
      </div>
      {saved ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {saved}
        </p>
      ) : null}
      {error ? (
        <div className="mt-3">
          <FormMessage message={error} />
        </div>
      ) : null}
    </section>
  );
}
