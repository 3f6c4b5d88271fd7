import { z } from "zod";
import { BILLING_ADDRESS_LIMITS, clearBillingAddress, setBillingAddress } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

export const setAddressInput = z.object({
  /**
   * Street, postcode and city, one per line; null removes the address. The shape rules (lines,
   * lengths, characters) are the domain's (parseBillingAddress); here only a type and a bound on
   * what is read at all. An empty text is refused, not taken as a removal: removing is asked for.
   */
  address: z
    .string({ error: "Enter the postal address: street and number, then postcode and city." })
    .max(
      BILLING_ADDRESS_LIMITS.totalChars * 4,
      `The postal address is too long: at most ${BILLING_ADDRESS_LIMITS.totalChars} characters in all.`,
    )
    .nullable(),
});

/** Sets or removes the postal address the next invoices name (owners and billing members); audited. */
export const setAddressProcedure = tenantProcedure("billing.manage")
  .input(setAddressInput)
  .mutation(({ ctx, input }) =>
    input.address === null
      ? clearBillingAddress(ctx.tenant, ctx.actor)
      : setBillingAddress(ctx.tenant, ctx.actor, { address: input.address }),
  );
