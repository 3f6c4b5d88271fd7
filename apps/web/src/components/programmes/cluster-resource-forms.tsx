"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@tessera/ui";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { InputField, SelectField, TextAreaField } from "@/components/form/fields";
import { FormFeedback } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { tp } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { errorMessageFrom } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { unitsPerNodeProblem } from "@tessera/core/node-placement";
import { unitCount } from "./capacity-use";
import { parseWholeNumber } from "./format";
import type { ClusterResource, ResourceClass } from "./types";

const IDS = {
  resourceClassId: "resource-class",
  capacity: "resource-capacity",
  unitsPerNode: "resource-units-per-node",
  drain: "resource-drain",
  slurmPartition: "resource-partition",
  slurmGres: "resource-gres",
  k8sResourceName: "resource-k8s-name",
  k8sNodeSelector: "resource-node-selector",
} as const;

/** "a=b" lines → a record; null when a line is not label=value. */
function parseSelector(text: string): Record<string, string> | null {
  const selector: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf("=");
    if (at <= 0) return null;
    selector[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return selector;
}

function selectorText(selector: unknown): string {
  if (!selector || typeof selector !== "object") return "";
  return Object.entries(selector as Record<string, string>)
    .map(([label, value]) => `${label}=${value}`)
    .join("\n");
}

/**
 * Adds a resource class to a cluster or changes its capacity and mapping. The fields shown follow
 * the cluster's kind: Slurm partition and GRES, or Kubernetes resource name and node selector.
 */
export function ClusterResourceForm({
  clusterId,
  clusterKind,
  classes,
  resources,
}: {
  clusterId: string;
  clusterKind: string;
  classes: readonly ResourceClass[];
  resources: readonly ClusterResource[];
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const c = tp.catalogue;
  const feedback = useFormFeedback(IDS, refresh);
  const [classId, setClassId] = useState("");
  const current = resources.find((r) => r.resourceClassId === classId);
  const unit =
    current?.resourceClass.unit ?? classes.find((rc) => rc.id === classId)?.unit ?? "unit";
  const set = useMutation(
    trpc.catalogue.clusters.setResource.mutationOptions({
      onError: (error) => feedback.showError(error),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name).trim();
    const capacity = parseWholeNumber(text("capacity"));
    const perNodeText = text("unitsPerNode");
    const unitsPerNode = perNodeText ? parseWholeNumber(perNodeText) : null;
    const selector = parseSelector(formText(form, "nodeSelector"));
    const checks = formChecks(IDS);
    if (!classId) checks.add("resourceClassId", c.required.resourceClassId);
    const drain = form.get("drain") === "on";
    const inUse = current?.inUse ?? 0;
    if (capacity === null) checks.add("capacity", c.required.capacity);
    else if (capacity < inUse && !drain) checks.add("capacity", c.belowUse(unitCount(inUse, unit)));
    // The server refuses with the same sentence (unitsPerNodeProblem).
    const perNodeProblem =
      perNodeText && (unitsPerNode === null || capacity !== null)
        ? unitsPerNodeProblem(unitsPerNode ?? Number.NaN, capacity ?? 0, unit)
        : null;
    if (perNodeProblem) checks.add("unitsPerNode", perNodeProblem);
    if (clusterKind === "KUBERNETES" && selector === null)
      checks.add("k8sNodeSelector", c.nodeSelectorInvalid);
    if (!feedback.start(checks.errors)) return;
    const code = classes.find((rc) => rc.id === classId)?.code ?? "";
    set.mutate(
      {
        clusterId,
        resourceClassId: classId,
        capacity: capacity!,
        unitsPerNode,
        ...(drain ? { drain: true } : {}),
        ...(clusterKind === "SLURM"
          ? { slurmPartition: text("partition") || null, slurmGres: text("gres") || null }
          : {}),
        ...(clusterKind === "KUBERNETES"
          ? {
              k8sResourceName: text("k8sName") || null,
              k8sNodeSelector: selector && Object.keys(selector).length ? selector : null,
            }
          : {}),
      },
      {
        onSuccess: () => feedback.save(c.resourceSaved(code)),
      },
    );
  }

  const e = feedback.errors.fields;
  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label={c.setResource}>
      <FormFeedback errors={feedback.errors} saved={feedback.saved} />
      <p className="text-sm text-fg-muted">
        {clusterKind === "SIM" ? c.simNoMapping : c.setResourceLead}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={IDS.resourceClassId}
          label={c.resourceClass}
          error={e.resourceClassId}
          value={classId}
          onChange={(event) => setClassId(event.target.value)}
        >
          <option value="">{c.resourceClassPlaceholder}</option>
          {classes.map((rc) => (
            <option key={rc.id} value={rc.id}>
              {rc.name} ({rc.code})
            </option>
          ))}
        </SelectField>
        {/* Re-mounted per class so that the fields start from that class's current values. */}
        <div className="contents" key={classId}>
          <InputField
            id={IDS.capacity}
            label={c.resourceCapacity}
            error={e.capacity}
            hint={
              current && current.inUse > 0 ? c.inUseHint(unitCount(current.inUse, unit)) : undefined
            }
            name="capacity"
            inputMode="numeric"
            defaultValue={current ? String(current.capacity) : ""}
          />
          <InputField
            id={IDS.unitsPerNode}
            label={c.unitsPerNode}
            hint={c.unitsPerNodeHint}
            error={e.unitsPerNode}
            optional
            name="unitsPerNode"
            inputMode="numeric"
            defaultValue={current?.unitsPerNode ? String(current.unitsPerNode) : ""}
          />
          {current && current.inUse > 0 ? (
            <div className="flex items-start gap-2 sm:col-span-2">
              <input
                id={IDS.drain}
                type="checkbox"
                name="drain"
                className="mt-0.5 size-5 shrink-0"
                aria-describedby={`${IDS.drain}-hint`}
              />
              <div>
                <label htmlFor={IDS.drain}>{c.drain}</label>
                <p id={`${IDS.drain}-hint`} className="text-sm text-fg-muted">
                  {c.drainHint}
                </p>
              </div>
            </div>
          ) : null}
          {clusterKind === "SLURM" ? (
            <>
              <InputField
                id={IDS.slurmPartition}
                label={c.slurmPartition}
                hint={c.slurmPartitionHint}
                error={e.slurmPartition}
                name="partition"
                className="font-mono"
                defaultValue={current?.slurmPartition ?? ""}
              />
              <InputField
                id={IDS.slurmGres}
                label={c.slurmGres}
                hint={c.slurmGresHint}
                error={e.slurmGres}
                optional
                name="gres"
                className="font-mono"
                defaultValue={current?.slurmGres ?? ""}
              />
            </>
          ) : null}
          {clusterKind === "KUBERNETES" ? (
            <>
              <InputField
                id={IDS.k8sResourceName}
                label={c.k8sResourceName}
                hint={c.k8sResourceNameHint}
                error={e.k8sResourceName}
                name="k8sName"
                className="font-mono"
                defaultValue={current?.k8sResourceName ?? ""}
              />
              <TextAreaField
                id={IDS.k8sNodeSelector}
                label={c.k8sNodeSelector}
                hint={c.k8sNodeSelectorHint}
                error={e.k8sNodeSelector}
                optional
                name="nodeSelector"
                rows={3}
                className="font-mono"
                defaultValue={selectorText(current?.k8sNodeSelector)}
              />
            </>
          ) : null}
        </div>
      </div>
      <Button type="submit" busy={set.isPending}>
        {c.saveResource}
      </Button>
    </form>
  );
}

/** Removes a resource class from a cluster (asked once). */
export function RemoveResourceButton({
  clusterId,
  resourceClassId,
  code,
}: {
  clusterId: string;
  resourceClassId: string;
  code: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const c = tp.catalogue;
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.catalogue.clusters.removeResource.mutationOptions({
      onSuccess: refresh,
      onError: (failure) => setError(errorMessageFrom(failure)),
    }),
  );
  return (
    <ActionWithConfirm
      label={c.remove}
      button={{ variant: "secondary", size: "sm", "aria-label": c.removeLabel(code) }}
      title={c.removeTitle(code)}
      confirmLabel={c.removeConfirm}
      busy={remove.isPending}
      error={error}
      onConfirm={(close) => remove.mutate({ clusterId, resourceClassId }, { onSettled: close })}
    >
      <p>{c.removeBody}</p>
    </ActionWithConfirm>
  );
}
