"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import {
  Alert,
  Button,
  describedBy,
  ErrorSummary,
  Select,
  TextInput,
  type FieldProblem,
} from "@tessera/ui";
import type { ClusterKind, ResourceKind } from "@tessera/db";
import { Field } from "@/components/field";
import { useRefresh } from "@/components/forms/use-refresh";
import { t, tp } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formErrorsFrom, NO_ERRORS, type FormErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { moneyInputValue, parseMoney, parseWholeNumber } from "./format";
import { programmeRoutes } from "./paths";
import type { ResourceClass } from "./types";

const RESOURCE_KINDS: ResourceKind[] = ["GPU", "MIG", "CPU"];
const CLUSTER_KINDS: ClusterKind[] = ["SLURM", "KUBERNETES", "SIM"];
const DEFAULT_UNIT: Record<ResourceKind, string> = {
  GPU: "GPU",
  MIG: "MIG slice",
  CPU: "CPU core",
};

function problemsOf(
  checks: readonly [name: string, id: string, message: string | null][],
): FormErrors {
  const fields: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const [name, id, message] of checks) {
    if (!message) continue;
    fields[name] = message;
    problems.push({ fieldId: id, message });
  }
  return { fields, problems };
}

function Success({ message }: { message: string | null }) {
  return (
    <div aria-live="polite">
      {message ? <Alert tone="success" role="status" title={message} /> : null}
    </div>
  );
}

const CLASS_IDS = {
  code: "class-code",
  name: "class-name",
  kind: "class-kind",
  unit: "class-unit",
  listPriceMinorPerHour: "class-price",
  currency: "class-currency",
  powerDrawWatts: "class-power",
  active: "class-active",
} as const;

/** Adds a resource class, or (with `existing`) edits its name, unit, price, power and availability. */
export function ResourceClassForm({ existing }: { existing?: ResourceClass }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const c = tp.catalogue;
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [kind, setKind] = useState<ResourceKind>(existing?.kind ?? "GPU");
  const [currency, setCurrency] = useState(existing?.currency ?? "EUR");
  const onError = (error: unknown) => setErrors(formErrorsFrom(error, CLASS_IDS));
  const create = useMutation(trpc.catalogue.resourceClasses.create.mutationOptions({ onError }));
  const update = useMutation(trpc.catalogue.resourceClasses.update.mutationOptions({ onError }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const code = formText(form, "code").trim();
    const name = formText(form, "name").trim();
    const unit = formText(form, "unit").trim();
    const price = parseMoney(formText(form, "price"), currency);
    const power = parseWholeNumber(formText(form, "power"));
    const checked = problemsOf([
      ["code", CLASS_IDS.code, existing || code.length >= 2 ? null : c.required.code],
      ["name", CLASS_IDS.name, name.length >= 2 ? null : c.required.name],
      ["unit", CLASS_IDS.unit, unit ? null : c.required.unit],
      [
        "listPriceMinorPerHour",
        CLASS_IDS.listPriceMinorPerHour,
        price === null ? c.required.price : null,
      ],
      ["powerDrawWatts", CLASS_IDS.powerDrawWatts, power === null ? c.required.power : null],
    ]);
    setSaved(null);
    if (checked.problems.length) {
      setErrors(checked);
      return;
    }
    setErrors(NO_ERRORS);
    if (existing) {
      update.mutate(
        {
          resourceClassId: existing.id,
          name,
          unit,
          listPriceMinorPerHour: price!,
          powerDrawWatts: power!,
          active: form.get("active") === "on",
        },
        {
          onSuccess: () => {
            setSaved(c.classSaved);
            refresh();
          },
        },
      );
    } else {
      create.mutate(
        { code, name, kind, unit, listPriceMinorPerHour: price!, currency, powerDrawWatts: power! },
        {
          onSuccess: (created) => {
            setSaved(c.classCreated(created.code));
            element.reset();
            setKind("GPU");
            refresh();
          },
        },
      );
    }
  }

  const e = errors.fields;
  const priceHint = c.classPriceHint(currency);
  return (
    <form
      noValidate
      onSubmit={submit}
      className="space-y-4"
      aria-label={existing ? c.editClassTitle(existing.code) : c.newClass}
    >
      <ErrorSummary title={t.common.errorSummaryTitle} problems={errors.problems} />
      <Success message={saved} />
      <div className="grid gap-4 sm:grid-cols-2">
        {existing ? null : (
          <Field id={CLASS_IDS.code} label={c.classCode} hint={c.classCodeHint} error={e.code}>
            <TextInput
              id={CLASS_IDS.code}
              name="code"
              className="font-mono"
              invalid={!!e.code}
              aria-describedby={describedBy(CLASS_IDS.code, c.classCodeHint, e.code)}
            />
          </Field>
        )}
        <Field id={CLASS_IDS.name} label={c.className} error={e.name}>
          <TextInput
            id={CLASS_IDS.name}
            name="name"
            defaultValue={existing?.name}
            invalid={!!e.name}
            aria-describedby={describedBy(CLASS_IDS.name, undefined, e.name)}
          />
        </Field>
        {existing ? null : (
          <Field id={CLASS_IDS.kind} label={c.classKind} error={e.kind}>
            <Select
              id={CLASS_IDS.kind}
              name="kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as ResourceKind)}
            >
              {RESOURCE_KINDS.map((value) => (
                <option key={value} value={value}>
                  {tp.resourceKinds[value]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field id={CLASS_IDS.unit} label={c.classUnit} hint={c.classUnitHint} error={e.unit}>
          <TextInput
            key={existing ? "unit" : kind}
            id={CLASS_IDS.unit}
            name="unit"
            defaultValue={existing?.unit ?? DEFAULT_UNIT[kind]}
            invalid={!!e.unit}
            aria-describedby={describedBy(CLASS_IDS.unit, c.classUnitHint, e.unit)}
          />
        </Field>
        {existing ? null : (
          <Field id={CLASS_IDS.currency} label={c.classCurrency} error={e.currency}>
            <Select
              id={CLASS_IDS.currency}
              name="currency"
              value={currency}
              onChange={(event) => setCurrency(event.target.value)}
            >
              {["EUR", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CZK"].map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field
          id={CLASS_IDS.listPriceMinorPerHour}
          label={c.classPrice}
          hint={priceHint}
          error={e.listPriceMinorPerHour}
        >
          <TextInput
            id={CLASS_IDS.listPriceMinorPerHour}
            name="price"
            inputMode="decimal"
            defaultValue={
              existing
                ? moneyInputValue(existing.listPriceMinorPerHour, existing.currency)
                : undefined
            }
            invalid={!!e.listPriceMinorPerHour}
            aria-describedby={describedBy(
              CLASS_IDS.listPriceMinorPerHour,
              priceHint,
              e.listPriceMinorPerHour,
            )}
          />
        </Field>
        <Field
          id={CLASS_IDS.powerDrawWatts}
          label={c.classPower}
          hint={c.classPowerHint}
          error={e.powerDrawWatts}
        >
          <TextInput
            id={CLASS_IDS.powerDrawWatts}
            name="power"
            inputMode="numeric"
            defaultValue={existing ? String(existing.powerDrawWatts) : undefined}
            invalid={!!e.powerDrawWatts}
            aria-describedby={describedBy(
              CLASS_IDS.powerDrawWatts,
              c.classPowerHint,
              e.powerDrawWatts,
            )}
          />
        </Field>
      </div>
      {existing ? (
        <div className="flex items-center gap-2">
          <input
            id={CLASS_IDS.active}
            type="checkbox"
            name="active"
            defaultChecked={existing.active}
            className="size-5"
          />
          <label htmlFor={CLASS_IDS.active}>{c.classActive}</label>
        </div>
      ) : null}
      <Button type="submit" busy={create.isPending || update.isPending}>
        {existing ? t.common.save : c.createClass}
      </Button>
    </form>
  );
}

const CLUSTER_IDS = {
  code: "cluster-code",
  name: "cluster-name",
  kind: "cluster-kind",
  region: "cluster-region",
  jurisdiction: "cluster-jurisdiction",
  endpoint: "cluster-endpoint",
  active: "cluster-active",
} as const;

export interface ClusterFields {
  id: string;
  code: string;
  name: string;
  kind: string;
  region: string;
  jurisdiction: string;
  endpoint: string | null;
  active: boolean;
}

/** Registers a cluster, or (with `existing`) edits its name, region, jurisdiction, endpoint and service. */
export function ClusterForm({ existing }: { existing?: ClusterFields }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const router = useRouter();
  const c = tp.catalogue;
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const onError = (error: unknown) => setErrors(formErrorsFrom(error, CLUSTER_IDS));
  const create = useMutation(trpc.catalogue.clusters.create.mutationOptions({ onError }));
  const update = useMutation(trpc.catalogue.clusters.update.mutationOptions({ onError }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = formText(form, "code").trim();
    const name = formText(form, "name").trim();
    const region = formText(form, "region").trim();
    const jurisdiction = formText(form, "jurisdiction").trim();
    const endpoint = formText(form, "endpoint").trim();
    const checked = problemsOf([
      ["code", CLUSTER_IDS.code, existing || code.length >= 2 ? null : c.required.code],
      ["name", CLUSTER_IDS.name, name.length >= 2 ? null : c.required.name],
      ["region", CLUSTER_IDS.region, region ? null : c.required.region],
      [
        "jurisdiction",
        CLUSTER_IDS.jurisdiction,
        /^[A-Za-z]{2}$/.test(jurisdiction) ? null : c.required.jurisdiction,
      ],
    ]);
    setSaved(null);
    if (checked.problems.length) {
      setErrors(checked);
      return;
    }
    setErrors(NO_ERRORS);
    if (existing) {
      update.mutate(
        {
          clusterId: existing.id,
          name,
          region,
          jurisdiction,
          endpoint,
          active: form.get("active") === "on",
        },
        {
          onSuccess: () => {
            setSaved(c.clusterSaved);
            refresh();
          },
        },
      );
    } else {
      create.mutate(
        {
          code,
          name,
          kind: formText(form, "kind", "SIM") as ClusterKind,
          region,
          jurisdiction,
          endpoint: endpoint || null,
        },
        { onSuccess: (cluster) => router.push(programmeRoutes.cluster(cluster.id)) },
      );
    }
  }

  const e = errors.fields;
  return (
    <form
      noValidate
      onSubmit={submit}
      className="space-y-4"
      aria-label={existing ? c.clusterDetails : c.newCluster}
    >
      <ErrorSummary title={t.common.errorSummaryTitle} problems={errors.problems} />
      <Success message={saved} />
      <div className="grid gap-4 sm:grid-cols-2">
        {existing ? null : (
          <Field
            id={CLUSTER_IDS.code}
            label={c.clusterCode}
            hint={c.clusterCodeHint}
            error={e.code}
          >
            <TextInput
              id={CLUSTER_IDS.code}
              name="code"
              className="font-mono"
              invalid={!!e.code}
              aria-describedby={describedBy(CLUSTER_IDS.code, c.clusterCodeHint, e.code)}
            />
          </Field>
        )}
        <Field id={CLUSTER_IDS.name} label={c.clusterName} error={e.name}>
          <TextInput
            id={CLUSTER_IDS.name}
            name="name"
            defaultValue={existing?.name}
            invalid={!!e.name}
            aria-describedby={describedBy(CLUSTER_IDS.name, undefined, e.name)}
          />
        </Field>
        {existing ? null : (
          <Field
            id={CLUSTER_IDS.kind}
            label={c.clusterKind}
            hint={c.clusterKindHint}
            error={e.kind}
          >
            <Select
              id={CLUSTER_IDS.kind}
              name="kind"
              defaultValue="SLURM"
              aria-describedby={describedBy(CLUSTER_IDS.kind, c.clusterKindHint, e.kind)}
            >
              {CLUSTER_KINDS.map((value) => (
                <option key={value} value={value}>
                  {tp.clusterKinds[value]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field
          id={CLUSTER_IDS.region}
          label={c.clusterRegion}
          hint={c.clusterRegionHint}
          error={e.region}
        >
          <TextInput
            id={CLUSTER_IDS.region}
            name="region"
            defaultValue={existing?.region}
            invalid={!!e.region}
            aria-describedby={describedBy(CLUSTER_IDS.region, c.clusterRegionHint, e.region)}
          />
        </Field>
        <Field
          id={CLUSTER_IDS.jurisdiction}
          label={c.clusterJurisdiction}
          hint={c.clusterJurisdictionHint}
          error={e.jurisdiction}
        >
          <TextInput
            id={CLUSTER_IDS.jurisdiction}
            name="jurisdiction"
            maxLength={2}
            className="w-24 uppercase"
            defaultValue={existing?.jurisdiction}
            invalid={!!e.jurisdiction}
            aria-describedby={describedBy(
              CLUSTER_IDS.jurisdiction,
              c.clusterJurisdictionHint,
              e.jurisdiction,
            )}
          />
        </Field>
        <Field
          id={CLUSTER_IDS.endpoint}
          label={c.clusterEndpoint}
          hint={c.clusterEndpointHint}
          error={e.endpoint}
          optional
        >
          <TextInput
            id={CLUSTER_IDS.endpoint}
            name="endpoint"
            defaultValue={existing?.endpoint ?? ""}
            invalid={!!e.endpoint}
            aria-describedby={describedBy(CLUSTER_IDS.endpoint, c.clusterEndpointHint, e.endpoint)}
          />
        </Field>
      </div>
      {existing ? (
        <div className="flex items-center gap-2">
          <input
            id={CLUSTER_IDS.active}
            type="checkbox"
            name="active"
            defaultChecked={existing.active}
            className="size-5"
          />
          <label htmlFor={CLUSTER_IDS.active}>{c.clusterActive}</label>
        </div>
      ) : null}
      <Button type="submit" busy={create.isPending || update.isPending}>
        {existing ? t.common.save : c.createCluster}
      </Button>
    </form>
  );
}
