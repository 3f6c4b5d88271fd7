"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@tessera/ui";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { InputField } from "@/components/form/fields";
import { FormFeedback } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { currencySymbol, formatMoney, moneyInputValue } from "@/components/programmes/format";
import { tg } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { errorMessageFrom } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { readBudgetAmount } from "./budget-amount";

const IDS = { budgetMinor: "budget-amount" } as const;

/** Sets the monthly budget in the billing currency, or removes it (asked once). */
export function BudgetForm({
  organizationId,
  budgetMinor,
  currency,
}: {
  organizationId: string;
  budgetMinor: number | null;
  currency: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const f = tg.form;
  const feedback = useFormFeedback(IDS, refresh);
  const [clearError, setClearError] = useState<string | null>(null);
  const set = useMutation(
    trpc.billing.setBudget.mutationOptions({ onError: (error) => feedback.showError(error) }),
  );
  const clear = useMutation(
    trpc.billing.setBudget.mutationOptions({
      onError: (error) => setClearError(errorMessageFrom(error)),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const amount = readBudgetAmount(
      formText(new FormData(event.currentTarget), "budget"),
      currency,
    );
    const checks = formChecks(IDS);
    if (amount.error !== null) checks.add("budgetMinor", amount.error);
    if (!feedback.start(checks.errors) || amount.minor === null) return;
    set.mutate(
      { organizationId, budgetMinor: amount.minor },
      {
        onSuccess: (saved) => feedback.save(f.saved(formatMoney(saved.budgetMinor ?? 0, currency))),
      },
    );
  }

  return (
    <div className="space-y-4">
      <form noValidate onSubmit={submit} className="space-y-4" aria-label={f.title}>
        <FormFeedback errors={feedback.errors} saved={feedback.saved} />
        <InputField
          id={IDS.budgetMinor}
          name="budget"
          label={f.amount(`${currency}, ${currencySymbol(currency)}`)}
          hint={f.amountHint}
          error={feedback.errors.fields.budgetMinor}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={budgetMinor === null ? "" : moneyInputValue(budgetMinor, currency)}
          className="max-w-xs"
        />
        <p className="text-sm text-fg-muted">{f.rearm}</p>
        <Button type="submit" busy={set.isPending}>
          {f.save}
        </Button>
      </form>
      {budgetMinor !== null ? (
        <div className="border-t border-line pt-4">
          <ActionWithConfirm
            label={f.clear}
            button={{ variant: "secondary" }}
            title={f.clearTitle}
            confirmLabel={f.clearConfirm}
            busy={clear.isPending}
            error={clearError}
            onOpen={() => setClearError(null)}
            onConfirm={(done) =>
              clear.mutate(
                { organizationId, budgetMinor: null },
                {
                  onSuccess: () => {
                    feedback.save(f.cleared);
                  },
                  onSettled: done,
                },
              )
            }
          >
            <p>{f.clearBody}</p>
          </ActionWithConfirm>
        </div>
      ) : null}
    </div>
  );
}
