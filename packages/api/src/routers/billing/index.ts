import { createTRPCRouter } from "../../trpc";
import { budgetProcedure } from "./budget";
import { currentChargesProcedure } from "./current";
import { getInvoiceProcedure } from "./invoice";
import { invoiceDocumentProcedure } from "./invoice-document";
import { listInvoicesProcedure } from "./invoices";
import { programmeStatementProcedure } from "./programme-statement";
import { setAddressProcedure } from "./set-address";
import { setBudgetProcedure } from "./set-budget";
import { billingSettingsProcedure } from "./settings";
import { usageSummaryProcedure } from "./usage";

export const billingRouter = createTRPCRouter({
  current: currentChargesProcedure,
  invoices: listInvoicesProcedure,
  invoice: getInvoiceProcedure,
  invoiceDocument: invoiceDocumentProcedure,
  usage: usageSummaryProcedure,
  programmeStatement: programmeStatementProcedure,
  budget: budgetProcedure,
  setBudget: setBudgetProcedure,
  settings: billingSettingsProcedure,
  setAddress: setAddressProcedure,
});
