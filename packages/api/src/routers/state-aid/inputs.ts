import { z } from "zod";
import { StateAidEntryKind } from "@tessera/db";
import { MAX_DECLARED_AID_MINOR } from "@tessera/core/money-limits";
import { moneyInput } from "../programmes/shared-inputs";
import { countryInput, rowId, text } from "../../schemas";

/** A calendar day as "YYYY-MM-DD" (the domain checks that it exists). */
export const dayInput = (label: string) =>
  z
    .string({ error: `${label} must be a date as YYYY-MM-DD.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date as YYYY-MM-DD, for example 2026-03-01.`);

/** Other de minimis aid declared with an application: grantor, euro cents, the day granted. */
export const declaredAidInput = z
  .array(
    z.object({
      grantor: text("Grantor", 200, 2),
      amountMinor: moneyInput("Amount of other aid", MAX_DECLARED_AID_MINOR),
      grantedOn: dayInput("Date granted"),
    }),
    { error: "Other de minimis aid must be a list." },
  )
  .max(20, "Declare at most 20 grants of other aid.");

export const stateAidEntryKindInput = z.enum(StateAidEntryKind, {
  error: "Choose awards or declared aid.",
});

export const undertakingGroupFields = {
  name: text("Group name", 200, 2),
  country: countryInput,
  registryId: text("Registry number", 64, 2),
};

export const groupIdInput = rowId("undertaking group");
