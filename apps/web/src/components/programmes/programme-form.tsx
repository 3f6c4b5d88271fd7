"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import {
  Button,
  describedBy,
  ErrorSummary,
  Select,
  TextArea,
  TextInput,
  type FieldProblem,
} from "@tessera/ui";
import type { OrganizationKind } from "@tessera/db";
import { Field } from "@/components/field";
import { t, tp } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formErrorsFrom, NO_ERRORS, type FormErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import {
  currencySymbol,
  formatNumber,
  formatRate,
  parseDateTimeInput,
  parseMoney,
  parsePercentToBps,
} from "./format";
import { programmeRoutes } from "./paths";

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
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
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
      onError: (error) => setErrors(formErrorsFrom(error, IDS)),
    }),
  );

  const bps = parsePercentToBps(rate);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields: Record<string, string> = {};
    const problems: FieldProblem[] = [];
    const add = (name: string, id: string, message: string) => {
      fields[name] = message;
      problems.push({ fieldId: id, message });
    };
    const name = formText(form, "name").trim();
    const sponsor = formText(form, "sponsor").trim();
    const description = formText(form, "description").trim();
    const budget = parseMoney(formText(form, "budget"), currency);
    const cap = parseMoney(formText(form, "cap"), currency);
    const countriesText = formText(form, "countries").trim();
    const countries = countriesText
      ? countriesText
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((c) => c.toUpperCase())
      : [];
    if (name.length < 3) add("name", IDS.name, f.required.name);
    if (sponsor.length < 2) add("sponsor", IDS.sponsor, f.required.sponsor);
    if (description.length < 10) add("description", IDS.description, f.required.description);
    if (budget === null || budget < 1) add("budgetMinor", IDS.budgetMinor, f.required.budget);
    if (bps === null) add("subsidyRateBps", IDS.subsidyRateBps, f.required.rate);
    if (cap === null || cap < 1) add("orgCapMinor", IDS.orgCapMinor, f.required.cap);
    else if (budget !== null && cap > budget)
      add("orgCapMinor", IDS.orgCapMinor, f.required.capAboveBudget);
    if (countries.some((c) => !/^[A-Z]{2}$/.test(c)))
      add("eligibleCountries", IDS.eligibleCountries, f.required.countries);
    const parsedCalls = calls.map((call, index) => {
      const opensAt = parseDateTimeInput(call.opens);
      const closesAt = parseDateTimeInput(call.closes);
      if (call.name.trim().length < 2)
        add(`call-${index}-name`, callId(index, "name"), f.required.callName(index + 1));
      if (!opensAt)
        add(`call-${index}-opens`, callId(index, "opens"), f.required.callOpens(index + 1));
      if (!closesAt || (opensAt && closesAt <= opensAt))
        add(`call-${index}-closes`, callId(index, "closes"), f.required.callCloses(index + 1));
      return { name: call.name.trim(), opensAt: opensAt!, closesAt: closesAt! };
    });
    if (problems.length) {
      setErrors({ fields, problems });
      return;
    }
    setErrors(NO_ERRORS);
    create.mutate({
      name,
      sponsor,
      description,
      currency,
      budgetMinor: budget!,
      subsidyRateBps: bps!,
      orgCapMinor: cap!,
      eligibleKinds: form.getAll("kinds").map(String) as OrganizationKind[],
      eligibleCountries: countries,
      calls: parsedCalls,
    });
  }

  const e = errors.fields;
  const symbol = currencySymbol(currency);
  const budgetHint = `${f.budgetHint} (${symbol})`;
  const capHint = `${f.capHint} (${symbol})`;
  return (
    <form noValidate onSubmit={submit} className="space-y-8" aria-label={f.title}>
      <ErrorSummary title={t.common.errorSummaryTitle} problems={errors.problems} />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{f.basics}</legend>
        <Field id={IDS.name} label={f.name} error={e.name}>
          <TextInput
            id={IDS.name}
            name="name"
            maxLength={160}
            invalid={!!e.name}
            aria-describedby={describedBy(IDS.name, undefined, e.name)}
          />
        </Field>
        <Field id={IDS.sponsor} label={f.sponsor} hint={f.sponsorHint} error={e.sponsor}>
          <TextInput
            id={IDS.sponsor}
            name="sponsor"
            maxLength={160}
            invalid={!!e.sponsor}
            aria-describedby={describedBy(IDS.sponsor, f.sponsorHint, e.sponsor)}
          />
        </Field>
        <Field
          id={IDS.description}
          label={f.description}
          hint={f.descriptionHint}
          error={e.description}
        >
          <TextArea
            id={IDS.description}
            name="description"
            rows={4}
            maxLength={5000}
            invalid={!!e.description}
            aria-describedby={describedBy(IDS.description, f.descriptionHint, e.description)}
          />
        </Field>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{f.money}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={IDS.currency} label={f.currency} hint={f.currencyHint} error={e.currency}>
            <Select
              id={IDS.currency}
              name="currency"
              value={currency}
              onChange={(event) => setCurrency(event.target.value)}
              aria-describedby={describedBy(IDS.currency, f.currencyHint, e.currency)}
            >
              {CURRENCIES.map((code) => (
                <option key={code} value={code}>
                  {code} ({currencySymbol(code)})
                </option>
              ))}
            </Select>
          </Field>
          <Field id={IDS.budgetMinor} label={f.budget} hint={budgetHint} error={e.budgetMinor}>
            <TextInput
              id={IDS.budgetMinor}
              name="budget"
              inputMode="decimal"
              invalid={!!e.budgetMinor}
              aria-describedby={describedBy(IDS.budgetMinor, budgetHint, e.budgetMinor)}
            />
          </Field>
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
          <Field id={IDS.orgCapMinor} label={f.cap} hint={capHint} error={e.orgCapMinor}>
            <TextInput
              id={IDS.orgCapMinor}
              name="cap"
              inputMode="decimal"
              invalid={!!e.orgCapMinor}
              aria-describedby={describedBy(IDS.orgCapMinor, capHint, e.orgCapMinor)}
            />
          </Field>
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
        <Field
          id={IDS.eligibleCountries}
          label={f.countries}
          hint={f.countriesHint}
          error={e.eligibleCountries}
        >
          <TextInput
            id={IDS.eligibleCountries}
            name="countries"
            invalid={!!e.eligibleCountries}
            aria-describedby={describedBy(
              IDS.eligibleCountries,
              f.countriesHint,
              e.eligibleCountries,
            )}
          />
        </Field>
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
                <Field id={callId(index, "name")} label={f.callName(index + 1)} error={nameError}>
                  <TextInput
                    id={callId(index, "name")}
                    value={call.name}
                    onChange={(event) => update({ name: event.target.value })}
                    invalid={!!nameError}
                    aria-describedby={describedBy(callId(index, "name"), undefined, nameError)}
                  />
                </Field>
                <Field
                  id={callId(index, "opens")}
                  label={f.callOpens(index + 1)}
                  error={opensError}
                >
                  <TextInput
                    id={callId(index, "opens")}
                    type="datetime-local"
                    value={call.opens}
                    onChange={(event) => update({ opens: event.target.value })}
                    invalid={!!opensError}
                    aria-describedby={describedBy(callId(index, "opens"), undefined, opensError)}
                  />
                </Field>
                <Field
                  id={callId(index, "closes")}
                  label={f.callCloses(index + 1)}
                  error={closesError}
                >
                  <TextInput
                    id={callId(index, "closes")}
                    type="datetime-local"
                    value={call.closes}
                    onChange={(event) => update({ closes: event.target.value })}
                    invalid={!!closesError}
                    aria-describedby={describedBy(callId(index, "closes"), undefined, closesError)}
                  />
                </Field>
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
