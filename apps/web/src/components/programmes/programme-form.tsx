"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, describedBy, TextInput } from "@tessera/ui";
import type { OrganizationKind } from "@tessera/db";
import { Field } from "@/components/field";
import { InputField, SelectField, TextAreaField } from "@/components/form/fields";
import { FormProblems } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { t, tp } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { useTRPC } from "@/trpc/react";
import {
  currencySymbol,
  formatNumber,
  formatRate,
  parseDateTimeInput,
  parsePercentToBps,
} from "./format";
import { programmeRoutes } from "./paths";
import { readProgrammeBudget, readProgrammeCap } from "./programme-amounts";

const KINDS: OrganizationKind[] = ["ACADEMIC", "PUBLIC_BODY", "STARTUP", "SME", "ENTERPRISE"];
const CURRENCIES = ["EUR", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CZK"];

const IDS = {
  name: "programme-name",
  sponsor: "programme-sponsor",
  description: "programme-description",
  currency: "programme-currency",
  budgetMinor: "programme-budget",
  subsidyRateBps: "programme-rate",
  orgCapMinor: "programme-cap",
  eligibleKinds: "programme-kind-ACADEMIC",
  eligibleCountries: "programme-countries",
  calls: "programme-call-0-name",
} as const;

const callId = (index: number, part: "name" | "opens" | "closes") =>
  `programme-call-${index}-${part}`;

interface CallState {
  key: number;
  name: string;
  opens: string;
  closes: string;
}

/**
 * Creates a programme: who funds it, the budget and the subsidy rate (shown as a percentage and
 * in basis points), who may apply, the limit per organisation, and one or more calls.
 */
export function ProgrammeForm({
  defaultOpens,
  defaultCloses,
}: {
  /** Values for the first call's datetime inputs, computed on the server (UTC). */
  defaultOpens: string;
  defaultCloses: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const f = tp.programmeForm;
  const feedback = useFormFeedback(IDS);
  const [currency, setCurrency] = useState("EUR");
  const [rate, setRate] = useState("70");
  const [calls, setCalls] = useState<CallState[]>([
    { key: 0, name: f.defaultCallName, opens: defaultOpens, closes: defaultCloses },
  ]);
  const [nextKey, setNextKey] = useState(1);
  const create = useMutation(
    trpc.programmes.admin.create.mutationOptions({
      onSuccess: (programme) => {
        router.push(programmeRoutes.adminProgramme(programme.id));
        router.refresh();
      },
      onError: (error) => feedback.showError(error),
    }),
  );

  const bps = parsePercentToBps(rate);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const checks = formChecks(IDS);
    const name = formText(form, "name").trim();
    const sponsor = formText(form, "sponsor").trim();
    const description = formText(form, "description").trim();
    const budget = readProgrammeBudget(formText(form, "budget"), currency);
    const cap = readProgrammeCap(formText(form, "cap"), currency);
    const countriesText = formText(form, "countries").trim();
    const countries = countriesText
      ? countriesText
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((c) => c.toUpperCase())
      : [];
    if (name.length < 3) checks.add("name", f.required.name);
    if (sponsor.length < 2) checks.add("sponsor", f.required.sponsor);
    if (description.length < 10) checks.add("description", f.required.description);
    if (budget.error !== null) checks.add("budgetMinor", budget.error);
    if (bps === null) checks.add("subsidyRateBps", f.required.rate);
    if (cap.error !== null) checks.add("orgCapMinor", cap.error);
    else if (budget.minor !== null && cap.minor > budget.minor)
      checks.add("orgCapMinor", f.required.capAboveBudget);
    if (countries.some((c) => !/^[A-Z]{2}$/.test(c)))
      checks.add("eligibleCountries", f.required.countries);
    const parsedCalls = calls.map((call, index) => {
      const opensAt = parseDateTimeInput(call.opens);
      const closesAt = parseDateTimeInput(call.closes);
      if (call.name.trim().length < 2)
        checks.add(`call-${index}-name`, f.required.callName(index + 1), callId(index, "name"));
      if (!opensAt)
        checks.add(`call-${index}-opens`, f.required.callOpens(index + 1), callId(index, "opens"));
      if (!closesAt || (opensAt && closesAt <= opensAt))
        checks.add(
          `call-${index}-closes`,
          f.required.callCloses(index + 1),
          callId(index, "closes"),
        );
      return { name: call.name.trim(), opensAt: opensAt!, closesAt: closesAt! };
    });
    if (!feedback.start(checks.errors)) return;
    create.mutate({
      name,
      sponsor,
      description,
      currency,
      budgetMinor: budget.minor!,
      subsidyRateBps: bps!,
      orgCapMinor: cap.minor!,
      eligibleKinds: form.getAll("kinds").map(String) as OrganizationKind[],
      eligibleCountries: countries,
      calls: parsedCalls,
    });
  }

  const e = feedback.errors.fields;
  const symbol = currencySymbol(currency);
  const budgetHint = `${f.budgetHint} (${symbol})`;
  const capHint = `${f.capHint} (${symbol})`;
  return (
    <form noValidate onSubmit={submit} className="space-y-8" aria-label={f.title}>
      <FormProblems errors={feedback.errors} />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{f.basics}</legend>
        <InputField id={IDS.name} label={f.name} error={e.name} name="name" maxLength={160} />
        <InputField
          id={IDS.sponsor}
          label={f.sponsor}
          hint={f.sponsorHint}
          error={e.sponsor}
          name="sponsor"
          maxLength={160}
        />
        <TextAreaField
          id={IDS.description}
          label={f.description}
          hint={f.descriptionHint}
          error={e.description}
          name="description"
          rows={4}
          maxLength={5000}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{f.money}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id={IDS.currency}
            label={f.currency}
            hint={f.currencyHint}
            error={e.currency}
            name="currency"
            value={currency}
            onChange={(event) => setCurrency(event.target.value)}
          >
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code} ({currencySymbol(code)})
              </option>
            ))}
          </SelectField>
          <InputField
            id={IDS.budgetMinor}
            label={f.budget}
            hint={budgetHint}
            error={e.budgetMinor}
            name="budget"
            inputMode="decimal"
          />
          <Field id={IDS.subsidyRateBps} label={f.rate} hint={f.rateHint} error={e.subsidyRateBps}>
            <TextInput
              id={IDS.subsidyRateBps}
              name="rate"
              inputMode="decimal"
              value={rate}
              onChange={(event) => setRate(event.target.value)}
              className="w-32"
              invalid={!!e.subsidyRateBps}
              aria-describedby={`${describedBy(IDS.subsidyRateBps, f.rateHint, e.subsidyRateBps) ?? ""} programme-rate-shown`.trim()}
            />
            <p id="programme-rate-shown" className="text-sm" aria-live="polite">
              {bps !== null ? f.rateShown(formatRate(bps), formatNumber(bps)) : null}
            </p>
          </Field>
          <InputField
            id={IDS.orgCapMinor}
            label={f.cap}
            hint={capHint}
            error={e.orgCapMinor}
            name="cap"
            inputMode="decimal"
          />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{f.eligibility}</legend>
        <fieldset className="space-y-2" aria-describedby="programme-kinds-hint">
          <legend className="font-semibold">{f.kinds}</legend>
          <p id="programme-kinds-hint" className="text-sm text-fg-muted">
            {f.kindsHint}
          </p>
          {e.eligibleKinds ? (
            <p className="text-sm font-semibold text-danger">{e.eligibleKinds}</p>
          ) : null}
          <ul className="grid gap-2 sm:grid-cols-2">
            {KINDS.map((kind) => (
              <li key={kind} className="flex items-center gap-2">
                <input
                  id={`programme-kind-${kind}`}
                  type="checkbox"
                  name="kinds"
                  value={kind}
                  className="size-5"
                />
                <label htmlFor={`programme-kind-${kind}`}>{t.kinds[kind]}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <InputField
          id={IDS.eligibleCountries}
          label={f.countries}
          hint={f.countriesHint}
          error={e.eligibleCountries}
          name="countries"
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{f.calls}</legend>
        <p className="text-sm text-fg-muted">{f.callsHint}</p>
        {e.calls ? <p className="text-sm font-semibold text-danger">{e.calls}</p> : null}
        <ul className="space-y-3">
          {calls.map((call, index) => {
            const update = (change: Partial<CallState>) =>
              setCalls((current) =>
                current.map((c) => (c.key === call.key ? { ...c, ...change } : c)),
              );
            const nameError = e[`call-${index}-name`];
            const opensError = e[`call-${index}-opens`];
            const closesError = e[`call-${index}-closes`];
            return (
              <li
                key={call.key}
                className="grid gap-3 rounded-md border border-line p-3 md:grid-cols-3"
                data-testid="programme-call"
              >
                <InputField
                  id={callId(index, "name")}
                  label={f.callName(index + 1)}
                  error={nameError}
                  value={call.name}
                  onChange={(event) => update({ name: event.target.value })}
                />
                <InputField
                  id={callId(index, "opens")}
                  label={f.callOpens(index + 1)}
                  error={opensError}
                  type="datetime-local"
                  value={call.opens}
                  onChange={(event) => update({ opens: event.target.value })}
                />
                <InputField
                  id={callId(index, "closes")}
                  label={f.callCloses(index + 1)}
                  error={closesError}
                  type="datetime-local"
                  value={call.closes}
                  onChange={(event) => update({ closes: event.target.value })}
                />
                {calls.length > 1 ? (
                  <div className="md:col-span-3">
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() =>
                        setCalls((current) => current.filter((c) => c.key !== call.key))
                      }
                    >
                      {f.removeCall(index + 1)}
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {calls.length < 20 ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              setCalls((current) => [
                ...current,
                { key: nextKey, name: "", opens: "", closes: "" },
              ]);
              setNextKey(nextKey + 1);
            }}
          >
            {f.addCall}
          </Button>
        ) : null}
      </fieldset>

      <Button type="submit" busy={create.isPending}>
        {f.submit}
      </Button>
    </form>
  );
}
