import { z } from "zod";
import { listInvoices } from "@tessera/core";
import { pageInput } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const listInvoicesInput = z.object({ ...pageInput });

export const listInvoicesProcedure = tenantProcedure("billing.read")
  .input(listInvoicesInput)
  .query(({ ctx, input }) => listInvoices(ctx.tenant, input));
