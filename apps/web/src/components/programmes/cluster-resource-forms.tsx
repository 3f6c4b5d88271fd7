"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import {
  Alert,
  Button,
  ConfirmDialog,
  describedBy,
  ErrorSummary,
  Select,
  TextArea,
  TextInput,
} from "@tessera/ui";
import { Field } from "@/components/field";
import { useRefresh } from "@/components/forms/use-refresh";
import { t, tp } from "@/i18n";
import { formText } from "@/lib/form-data";
import { errorMessageFrom, formErrorsFrom, NO_ERRORS, type FormErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { parseWholeNumber } from "./format";
import type { ClusterResource, ResourceClass } from "./types";

const IDS = {
  resourceClassId: "resource-class",
  capacity: "resource-capacity",
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
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [classId, setClassId] = useState("");
  const current = resources.find((r) => r.resourceClassId === classId);
  const set = useMutation(
    trpc.catalogue.clusters.setResource.mutationOptions({
      onError: (error) => setErrors(formErrorsFrom(error, IDS)),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name).trim();
    const capacity = parseWholeNumber(text("capacity"));
    const selector = parseSelector(formText(form, "nodeSelector"));
    const fields: Record<string, string> = {};
    const problems: { fieldId: string; message: string }[] = [];
    const add = (name: keyof typeof IDS, message: string) => {
      fields[name] = message;
      problems.push({ fieldId: IDS[name], message });
    };
    if (!classId) add("resourceClassId", c.required.resourceClassId);
    if (capacity === null) add("capacity", c.required.capacity);
    if (clusterKind === "KUBERNETES" && selector === null)
      add("k8sNodeSelector", c.nodeSelectorInvalid);
    setSaved(null);
    if (problems.length) {
      setErrors({ fields, problems });
      return;
    }
    setErrors(NO_ERRORS);
    const code = classes.find((rc) => rc.id === classId)?.code ?? "";
    set.mutate(
      {
        clusterId,
        resourceClassId: classId,
        capacity: capacity!,
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
        onSuccess: () => {
          setSaved(c.resourceSaved(code));
          refresh();
        },
      },
    );
  }

  const e = errors.fields;
  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label={c.setResource}>
      <ErrorSummary title={t.common.errorSummaryTitle} problems={errors.problems} />
      <div aria-live="polite">
        {saved ? <Alert tone="success" role="status" title={saved} /> : null}
      </div>
      <p className="text-sm text-fg-muted">
        {clusterKind === "SIM" ? c.simNoMapping : c.setResourceLead}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={IDS.resourceClassId} label={c.resourceClass} error={e.resourceClassId}>
          <Select
            id={IDS.resourceClassId}
            value={classId}
            onChange={(event) => setClassId(event.target.value)}
            invalid={!!e.resourceClassId}
            aria-describedby={describedBy(IDS.resourceClassId, undefined, e.resourceClassId)}
          >
            <option value="">{c.resourceClassPlaceholder}</option>
            {classes.map((rc) => (
              <option key={rc.id} value={rc.id}>
                {rc.name} ({rc.code})
              </option>
            ))}
          </Select>
        </Field>
        {/* Re-mounted per class so that the fields start from that class's current values. */}
        <div className="contents" key={classId}>
          <Field id={IDS.capacity} label={c.resourceCapacity} error={e.capacity}>
            <TextInput
              id={IDS.capacity}
              name="capacity"
              inputMode="numeric"
              defaultValue={current ? String(current.capacity) : ""}
              invalid={!!e.capacity}
              aria-describedby={describedBy(IDS.capacity, undefined, e.capacity)}
            />
          </Field>
          {clusterKind === "SLURM" ? (
            <>
              <Field
                id={IDS.slurmPartition}
                label={c.slurmPartition}
                hint={c.slurmPartitionHint}
                error={e.slurmPartition}
              >
                <TextInput
                  id={IDS.slurmPartition}
                  name="partition"
                  className="font-mono"
                  defaultValue={current?.slurmPartition ?? ""}
                  invalid={!!e.slurmPartition}
                  aria-describedby={describedBy(
                    IDS.slurmPartition,
                    c.slurmPartitionHint,
                    e.slurmPartition,
                  )}
                />
              </Field>
              <Field
                id={IDS.slurmGres}
                label={c.slurmGres}
                hint={c.slurmGresHint}
                error={e.slurmGres}
                optional
              >
                <TextInput
                  id={IDS.slurmGres}
                  name="gres"
                  className="font-mono"
                  defaultValue={current?.slurmGres ?? ""}
                  invalid={!!e.slurmGres}
                  aria-describedby={describedBy(IDS.slurmGres, c.slurmGresHint, e.slurmGres)}
                />
              </Field>
            </>
          ) : null}
          {clusterKind === "KUBERNETES" ? (
            <>
              <Field
                id={IDS.k8sResourceName}
                label={c.k8sResourceName}
                hint={c.k8sResourceNameHint}
                error={e.k8sResourceName}
              >
                <TextInput
                  id={IDS.k8sResourceName}
                  name="k8sName"
                  className="font-mono"
                  defaultValue={current?.k8sResourceName ?? ""}
                  invalid={!!e.k8sResourceName}
                  aria-describedby={describedBy(
                    IDS.k8sResourceName,
                    c.k8sResourceNameHint,
                    e.k8sResourceName,
                  )}
                />
              </Field>
              <Field
                id={IDS.k8sNodeSelector}
                label={c.k8sNodeSelector}
                hint={c.k8sNodeSelectorHint}
                error={e.k8sNodeSelector}
                optional
              >
                <TextArea
                  id={IDS.k8sNodeSelector}
                  name="nodeSelector"
                  rows={3}
                  className="font-mono"
                  defaultValue={selectorText(current?.k8sNodeSelector)}
                  invalid={!!e.k8sNodeSelector}
                  aria-describedby={describedBy(
                    IDS.k8sNodeSelector,
                    c.k8sNodeSelectorHint,
                    e.k8sNodeSelector,
                  )}
                />
              </Field>
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
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.catalogue.clusters.removeResource.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        refresh();
      },
      onError: (failure) => {
        setOpen(false);
        setError(errorMessageFrom(failure));
      },
    }),
  );
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        aria-label={c.removeLabel(code)}
        onClick={() => setOpen(true)}
      >
        {c.remove}
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        title={c.removeTitle(code)}
        confirmLabel={c.removeConfirm}
        cancelLabel={t.common.cancel}
        busy={remove.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => remove.mutate({ clusterId, resourceClassId })}
      >
        <p>{c.removeBody}</p>
      </ConfirmDialog>
    </>
  );
}
