import { configuredInvoiceIssuer, getInvoice } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { invoiceIdInput } from "./inputs";

export const getInvoiceProcedure = tenantProcedure("billing.read")
  .input(invoiceIdInput)
  .query(({ ctx, input }) => getInvoice(ctx.tenant, input.invoiceId, configuredInvoiceIssuer()));
