import { configuredInvoiceIssuer, getInvoiceDocument } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { invoiceIdInput } from "./inputs";

/** The invoice as its PDF and CSV downloads present it (the web app renders them). */
export const invoiceDocumentProcedure = tenantProcedure("billing.read")
  .input(invoiceIdInput)
  .query(({ ctx, input }) =>
    getInvoiceDocument(ctx.tenant, input.invoiceId, configuredInvoiceIssuer()),
  );
