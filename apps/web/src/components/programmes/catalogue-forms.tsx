"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ClusterKind, ResourceKind } from "@tessera/db";
import { isJurisdiction } from "@tessera/core/countries";
import { countsTokens } from "@tessera/core/words";
import { EntryForm } from "@/components/form/entry-form";
import { InputField, SelectField } from "@/components/form/fields";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { t, tcl, tp } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { useTRPC } from "@/trpc/react";
import { clusterProblems, jurisdictionOptions } from "./cluster-checks";
import { moneyInputValue } from "./format";
import { PriceChangeConfirm } from "./price-change-confirm";
import { programmeRoutes } from "./paths";
import { resourceClassProblems } from "./resource-class-checks";
import type { PriceChangePreview, ResourceClass, UpdateResourceClassInput } from "./types";

const RESOURCE_KINDS: ResourceKind[] = ["GPU", "MIG", "CPU", "TOKENS"];
const CLUSTER_KINDS: ClusterKind[] = ["SLURM", "KUBERNETES", "SIM"];
const DEFAULT_UNIT: Record<ResourceKind, string> = {
  GPU: "GPU",
  MIG: "MIG slice",
  CPU: "CPU core",
  TOKENS: "token",
};

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
  const feedback = useFormFeedback(CLASS_IDS, refresh);
  const [kind, setKind] = useState<ResourceKind>(existing?.kind ?? "GPU");
  const [currency, setCurrency] = useState(existing?.currency ?? "EUR");
  const tokens = countsTokens(kind);
  const onError = (error: unknown) => feedback.showError(error);
  const create = useMutation(trpc.catalogue.resourceClasses.create.mutationOptions({ onError }));
  const update = useMutation(trpc.catalogue.resourceClasses.update.mutationOptions({ onError }));
  const queryClient = useQueryClient();
  // A price change is saved only once confirmed against the server's preview of what it touches.
  const [priceChange, setPriceChange] = useState<{
    changes: UpdateResourceClassInput;
    preview: PriceChangePreview;
  } | null>(null);
  const [previewing, setPreviewing] = useState(false);

  function saveChanges(changes: UpdateResourceClassInput) {
    update.mutate(changes, {
      onSuccess: () => feedback.save(c.classSaved),
      onSettled: () => setPriceChange(null),
    });
  }

  async function reviewPriceChange(changes: UpdateResourceClassInput, price: number) {
    setPreviewing(true);
    try {
      const preview = await queryClient.fetchQuery(
        trpc.catalogue.resourceClasses.previewPriceChange.queryOptions(
          { resourceClassId: changes.resourceClassId, listPriceMinorPerHour: price },
          { staleTime: 0 },
        ),
      );
      setPriceChange({ changes, preview });
    } catch (error) {
      feedback.showError(error);
    } finally {
      setPreviewing(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const code = formText(form, "code").trim();
    const name = formText(form, "name").trim();
    const unit = formText(form, "unit").trim();
    const checked = resourceClassProblems(
      { code, name, unit, price: formText(form, "price"), power: formText(form, "power") },
      { existing: existing !== undefined, tokens, currency },
    );
    const checks = formChecks(CLASS_IDS);
    for (const [field, message] of checked.problems) checks.add(field, message);
    const price = checked.priceMinor;
    if (!feedback.start(checks.errors) || price === null) return;
    // A tokens class's unit ("token") and power draw (none) are fixed: the server sets them.
    const unitAndPower = tokens ? {} : { unit, powerDrawWatts: checked.powerWatts! };
    if (existing) {
      const changes = {
        resourceClassId: existing.id,
        name,
        ...unitAndPower,
        active: form.get("active") === "on",
      };
      // The price is sent only when it changes, so that an edit of other fields never sets back
      // a price someone else has changed since this page was opened.
      if (price === existing.listPriceMinorPerHour) saveChanges(changes);
      else void reviewPriceChange({ ...changes, listPriceMinorPerHour: price }, price);
    } else {
      create.mutate(
        { code, name, kind, ...unitAndPower, listPriceMinorPerHour: price, currency },
        {
          onSuccess: (created) => {
            feedback.save(c.classCreated(created.code));
            element.reset();
            setKind("GPU");
          },
        },
      );
    }
  }

  const e = feedback.errors.fields;
  const priceHint = tokens ? c.tokensPriceHint(currency) : c.classPriceHint(currency);
  return (
    <>
      <EntryForm
        label={existing ? c.editClassTitle(existing.code) : c.newClass}
        onSubmit={submit}
        errors={feedback.errors}
        saved={feedback.saved}
        active={
          existing
            ? { id: CLASS_IDS.active, label: c.classActive, checked: existing.active }
            : undefined
        }
        busy={create.isPending || update.isPending || previewing}
        submitLabel={existing ? t.common.save : c.createClass}
      >
        {existing ? null : (
          <InputField
            id={CLASS_IDS.code}
            label={c.classCode}
            hint={c.classCodeHint}
            error={e.code}
            name="code"
            className="font-mono"
          />
        )}
        <InputField
          id={CLASS_IDS.name}
          label={c.className}
          error={e.name}
          name="name"
          defaultValue={existing?.name}
        />
        {existing ? null : (
          <SelectField
            id={CLASS_IDS.kind}
            label={c.classKind}
            error={e.kind}
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as ResourceKind)}
          >
            {RESOURCE_KINDS.map((value) => (
              <option key={value} value={value}>
                {tp.resourceKinds[value]}
              </option>
            ))}
          </SelectField>
        )}
        {tokens ? (
          <p className="text-sm text-fg-muted sm:col-span-2" data-testid="tokens-class-note">
            {c.tokensNote}
          </p>
        ) : (
          <InputField
            key={existing ? "unit" : kind}
            id={CLASS_IDS.unit}
            label={c.classUnit}
            hint={c.classUnitHint}
            error={e.unit}
            name="unit"
            defaultValue={existing?.unit ?? DEFAULT_UNIT[kind]}
          />
        )}
        {existing ? null : (
          <SelectField
            id={CLASS_IDS.currency}
            label={c.classCurrency}
            error={e.currency}
            name="currency"
            value={currency}
            onChange={(event) => setCurrency(event.target.value)}
          >
            {["EUR", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CZK"].map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </SelectField>
        )}
        <InputField
          id={CLASS_IDS.listPriceMinorPerHour}
          label={tokens ? c.tokensPrice : c.classPrice}
          hint={priceHint}
          error={e.listPriceMinorPerHour}
          name="price"
          inputMode="decimal"
          defaultValue={
            existing
              ? moneyInputValue(existing.listPriceMinorPerHour, existing.currency)
              : undefined
          }
        />
        {tokens ? null : (
          <InputField
            id={CLASS_IDS.powerDrawWatts}
            label={c.classPower}
            hint={c.classPowerHint}
            error={e.powerDrawWatts}
            name="power"
            inputMode="numeric"
            defaultValue={existing ? String(existing.powerDrawWatts) : undefined}
          />
        )}
      </EntryForm>
      <PriceChangeConfirm
        key={priceChange?.preview.priceVersionId ?? "none"}
        preview={priceChange?.preview ?? null}
        openedAtPriceMinor={existing?.listPriceMinorPerHour ?? null}
        busy={update.isPending}
        onCancel={() => setPriceChange(null)}
        onConfirm={(deliberate) => {
          if (!priceChange) return;
          const { changes, preview } = priceChange;
          saveChanges({
            ...changes,
            priceConfirmation: {
              priceVersionId: preview.priceVersionId,
              toPriceMinor: preview.toPriceMinor,
              deliberate,
            },
          });
        }}
      />
    </>
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
  const feedback = useFormFeedback(CLUSTER_IDS, refresh);
  const [kind, setKind] = useState<ClusterKind>((existing?.kind as ClusterKind) ?? "SLURM");
  const onError = (error: unknown) => feedback.showError(error);
  const create = useMutation(trpc.catalogue.clusters.create.mutationOptions({ onError }));
  const update = useMutation(trpc.catalogue.clusters.update.mutationOptions({ onError }));
  // A simulated cluster runs inside Tessera: it has no endpoint to ask for.
  const hasEndpoint = kind !== "SIM";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const entry = {
      code: formText(form, "code").trim(),
      name: formText(form, "name").trim(),
      region: formText(form, "region").trim(),
      jurisdiction: formText(form, "jurisdiction"),
      endpoint: hasEndpoint ? formText(form, "endpoint").trim() : "",
    };
    const checks = formChecks(CLUSTER_IDS);
    for (const [field, message] of clusterProblems(entry, { existing: !!existing, kind })) {
      checks.add(field, message);
    }
    if (!feedback.start(checks.errors)) return;
    const { code, name, region, jurisdiction, endpoint } = entry;
    if (existing) {
      update.mutate(
        {
          clusterId: existing.id,
          name,
          region,
          jurisdiction,
          ...(hasEndpoint ? { endpoint } : {}),
          active: form.get("active") === "on",
        },
        {
          onSuccess: () => feedback.save(c.clusterSaved),
        },
      );
    } else {
      create.mutate(
        { code, name, kind, region, jurisdiction, endpoint: endpoint || null },
        { onSuccess: (cluster) => router.push(programmeRoutes.cluster(cluster.id)) },
      );
    }
  }

  const e = feedback.errors.fields;
  return (
    <EntryForm
      label={existing ? c.clusterDetails : c.newCluster}
      onSubmit={submit}
      errors={feedback.errors}
      saved={feedback.saved}
      active={
        existing
          ? { id: CLUSTER_IDS.active, label: c.clusterActive, checked: existing.active }
          : undefined
      }
      busy={create.isPending || update.isPending}
      submitLabel={existing ? t.common.save : c.createCluster}
    >
      {existing ? null : (
        <InputField
          id={CLUSTER_IDS.code}
          label={c.clusterCode}
          hint={c.clusterCodeHint}
          error={e.code}
          name="code"
          className="font-mono"
        />
      )}
      <InputField
        id={CLUSTER_IDS.name}
        label={c.clusterName}
        error={e.name}
        name="name"
        defaultValue={existing?.name}
      />
      {existing ? null : (
        <SelectField
          id={CLUSTER_IDS.kind}
          label={c.clusterKind}
          hint={c.clusterKindHint}
          error={e.kind}
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as ClusterKind)}
        >
          {CLUSTER_KINDS.map((value) => (
            <option key={value} value={value}>
              {tp.clusterKinds[value]}
            </option>
          ))}
        </SelectField>
      )}
      <InputField
        id={CLUSTER_IDS.region}
        label={c.clusterRegion}
        hint={c.clusterRegionHint}
        error={e.region}
        name="region"
        defaultValue={existing?.region}
      />
      <SelectField
        id={CLUSTER_IDS.jurisdiction}
        label={c.clusterJurisdiction}
        hint={tcl.jurisdictionHint}
        error={e.jurisdiction}
        name="jurisdiction"
        defaultValue={existing?.jurisdiction ?? ""}
      >
        <option value="" disabled>
          {tcl.jurisdictionPlaceholder}
        </option>
        {/* Kept as it is, and said, rather than replaced by the list's first entry unseen. */}
        {existing && !isJurisdiction(existing.jurisdiction) ? (
          <option value={existing.jurisdiction}>
            {tcl.jurisdictionUnknown(existing.jurisdiction)}
          </option>
        ) : null}
        {jurisdictionOptions().map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      {hasEndpoint ? (
        <InputField
          key={kind}
          id={CLUSTER_IDS.endpoint}
          label={c.clusterEndpoint}
          hint={tcl.endpointHint[kind]}
          error={e.endpoint}
          optional
          name="endpoint"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          className="font-mono"
          defaultValue={existing?.endpoint ?? ""}
        />
      ) : null}
    </EntryForm>
  );
}
