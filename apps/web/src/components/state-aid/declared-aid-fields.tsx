"use client";

import { Button } from "@tessera/ui";
import { InputField, RadioGroupField } from "@/components/form/fields";
import { moneyInputValue, parseDateInput } from "@/components/programmes/format";
import { tsa } from "@/i18n";
import { readDeclaredAidAmount } from "./declared-aid-amount";
import type { DeclaredAid } from "./types";

export type DeclaredAidAnswer = "NONE" | "SOME";

export interface DeclaredAidRow {
  key: number;
  grantor: string;
  /** Euros as typed ("12,500.00"). */
  amount: string;
  /** A date input's value, "YYYY-MM-DD". */
  grantedOn: string;
}

export interface DeclaredAidState {
  answer: DeclaredAidAnswer | null;
  rows: DeclaredAidRow[];
  nextKey: number;
}

const d = tsa.declaration;
export const DECLARED_AID_ANSWER_ID = "declared-aid-NONE";
const rowId = (index: number, field: "grantor" | "amount" | "date") =>
  `declared-aid-${index}-${field}`;
const emptyRow = (key: number): DeclaredAidRow => ({ key, grantor: "", amount: "", grantedOn: "" });

/** The form's starting point: a new application asks; an edit starts from what was declared. */
export function initialDeclaredAid(declared: readonly DeclaredAid[] | undefined): DeclaredAidState {
  if (!declared) return { answer: null, rows: [emptyRow(0)], nextKey: 1 };
  if (declared.length === 0) return { answer: "NONE", rows: [emptyRow(0)], nextKey: 1 };
  return {
    answer: "SOME",
    rows: declared.map((aid, key) => ({
      key,
      grantor: aid.grantor,
      amount: moneyInputValue(aid.amountMinor, "EUR"),
      grantedOn: aid.grantedOn,
    })),
    nextKey: declared.length,
  };
}

/**
 * Checks the declaration before it is sent and returns it as the API takes it (euro cents and
 * days), or null with the problems added to `add`. The server checks the dates against the last
 * three years and has the last word.
 */
export function checkDeclaredAidState(
  state: DeclaredAidState,
  add: (name: string, message: string, fieldId: string) => void,
): { grantor: string; amountMinor: number; grantedOn: string }[] | null {
  if (state.answer === null) {
    add("declaredAid", d.required.choose, DECLARED_AID_ANSWER_ID);
    return null;
  }
  if (state.answer === "NONE") return [];
  const filled = state.rows.filter((row) => row.grantor || row.amount || row.grantedOn);
  if (filled.length === 0) {
    add("declaredAid", d.required.listSome, rowId(0, "grantor"));
    return null;
  }
  let ok = true;
  const declared = state.rows.flatMap((row, index) => {
    if (!row.grantor && !row.amount && !row.grantedOn) return [];
    const n = index + 1;
    const amount = readDeclaredAidAmount(row.amount, n);
    const grantedOn = parseDateInput(row.grantedOn) ? row.grantedOn : null;
    if (row.grantor.trim().length < 2) {
      add(`declared-${index}-grantor`, d.required.grantor(n), rowId(index, "grantor"));
      ok = false;
    }
    if (amount.error !== null) {
      add(`declared-${index}-amount`, amount.error, rowId(index, "amount"));
      ok = false;
    }
    if (!grantedOn) {
      add(`declared-${index}-date`, d.required.grantedOn(n), rowId(index, "date"));
      ok = false;
    }
    return [
      { grantor: row.grantor.trim(), amountMinor: amount.minor ?? 0, grantedOn: grantedOn ?? "" },
    ];
  });
  return ok ? declared : null;
}

/**
 * The applicant's declaration of other de minimis aid in the last three years, asked of
 * undertakings: a yes/no question, then one row per grant (grantor, amount in euros, date).
 */
export function DeclaredAidFields({
  state,
  onChange,
  errors,
}: {
  state: DeclaredAidState;
  onChange: (state: DeclaredAidState) => void;
  errors: Record<string, string>;
}) {
  const update = (key: number, change: Partial<DeclaredAidRow>) =>
    onChange({
      ...state,
      rows: state.rows.map((row) => (row.key === key ? { ...row, ...change } : row)),
    });
  return (
    <section
      aria-labelledby="declared-aid-heading"
      className="space-y-3 rounded-lg border border-line p-4"
      data-testid="declared-aid"
    >
      <h2 id="declared-aid-heading" className="text-lg font-semibold">
        {d.legend}
      </h2>
      <p className="text-sm text-fg-muted">{d.lead}</p>
      <RadioGroupField<DeclaredAidAnswer>
        name="declared-aid"
        legend={d.question}
        error={errors.declaredAid}
        options={[
          { value: "NONE", label: d.none },
          { value: "SOME", label: d.some },
        ]}
        value={state.answer}
        onChange={(answer) => onChange({ ...state, answer })}
      />
      {state.answer === "SOME" ? (
        <>
          <ul className="space-y-3">
            {state.rows.map((row, index) => (
              <li
                key={row.key}
                className="grid gap-3 rounded-md border border-line p-3 md:grid-cols-[1fr_10rem_11rem_auto] md:items-end"
                data-testid="declared-aid-row"
              >
                <InputField
                  id={rowId(index, "grantor")}
                  label={d.grantor(index + 1)}
                  hint={d.grantorHint}
                  error={errors[`declared-${index}-grantor`]}
                  maxLength={200}
                  value={row.grantor}
                  onChange={(event) => update(row.key, { grantor: event.target.value })}
                />
                <InputField
                  id={rowId(index, "amount")}
                  label={d.amount(index + 1)}
                  hint={d.amountHint}
                  error={errors[`declared-${index}-amount`]}
                  inputMode="decimal"
                  value={row.amount}
                  onChange={(event) => update(row.key, { amount: event.target.value })}
                />
                <InputField
                  id={rowId(index, "date")}
                  label={d.grantedOn(index + 1)}
                  error={errors[`declared-${index}-date`]}
                  type="date"
                  value={row.grantedOn}
                  onChange={(event) => update(row.key, { grantedOn: event.target.value })}
                />
                {state.rows.length > 1 ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() =>
                      onChange({ ...state, rows: state.rows.filter((r) => r.key !== row.key) })
                    }
                  >
                    {d.remove(index + 1)}
                  </Button>
                ) : (
                  <span />
                )}
              </li>
            ))}
          </ul>
          {state.rows.length < 20 ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() =>
                onChange({
                  ...state,
                  rows: [...state.rows, emptyRow(state.nextKey)],
                  nextKey: state.nextKey + 1,
                })
              }
            >
              {d.add}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
