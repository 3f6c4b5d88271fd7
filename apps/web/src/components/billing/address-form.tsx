"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@tessera/ui";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { TextAreaField } from "@/components/form/fields";
import { FormFeedback } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { countryName, tb } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { errorMessageFrom } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

/** The server's field name → the element its message goes beside (and the notice links to). */
const IDS = { address: "billing-address" } as const;

/**
 * The postal address invoices name, one part per line, and a way to remove it (asked once). Only
 * emptiness is checked here; the server's rules (lines, lengths, characters) come back as the
 * message beside the field.
 */
export function AddressForm({
  organizationId,
  address,
  country,
}: {
  organizationId: string;
  address: string | null;
  country: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const d = tb.details;
  const feedback = useFormFeedback(IDS, refresh);
  const form = useRef<HTMLFormElement>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const save = useMutation(
    trpc.billing.setAddress.mutationOptions({ onError: (error) => feedback.showError(error) }),
  );
  const remove = useMutation(
    trpc.billing.setAddress.mutationOptions({
      onError: (error) => setRemoveError(errorMessageFrom(error)),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = formText(new FormData(event.currentTarget), "address");
    const checks = formChecks(IDS);
    if (value.trim() === "") checks.add("address", d.addressRequired);
    if (!feedback.start(checks.errors)) return;
    save.mutate({ organizationId, address: value }, { onSuccess: () => feedback.save(d.saved) });
  }

  return (
    <div className="space-y-4">
      {/* Named by the heading above it (AddressCard); its one field says what to write. */}
      <form ref={form} noValidate onSubmit={submit} className="space-y-4">
        <FormFeedback errors={feedback.errors} saved={feedback.saved} />
        <TextAreaField
          id={IDS.address}
          name="address"
          label={d.address}
          hint={d.addressHint(countryName(country))}
          error={feedback.errors.fields.address}
          rows={4}
          autoComplete="street-address"
          defaultValue={address ?? ""}
          className="max-w-md"
        />
        <Button type="submit" busy={save.isPending}>
          {d.save}
        </Button>
      </form>
      {address !== null ? (
        <div className="border-t border-line pt-4">
          <ActionWithConfirm
            label={d.remove}
            button={{ variant: "secondary" }}
            title={d.removeTitle}
            confirmLabel={d.removeConfirm}
            busy={remove.isPending}
            error={removeError}
            onOpen={() => setRemoveError(null)}
            onConfirm={(done) =>
              remove.mutate(
                { organizationId, address: null },
                {
                  onSuccess: () => {
                    // The field empties with the address it showed.
                    const field = form.current?.elements.namedItem("address");
                    if (field instanceof HTMLTextAreaElement) field.value = "";
                    feedback.save(d.removed);
                  },
                  onSettled: done,
                },
              )
            }
          >
            <p>{d.removeBody(address.split("\n").join(", "))}</p>
          </ActionWithConfirm>
        </div>
      ) : null}
    </div>
  );
}
