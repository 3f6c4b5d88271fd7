import { getBillingSettings } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

/** The billing settings invoices are issued with (the postal address), for billing readers. */
export const billingSettingsProcedure = tenantProcedure("billing.read").query(({ ctx }) =>
  getBillingSettings(ctx.tenant),
);
