import { z } from "zod";
import { previewPriceChange } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { priceInput } from "../programmes/shared-inputs";

export const previewPriceChangeInput = z.object({
  resourceClassId: rowId("resource class"),
  listPriceMinorPerHour: priceInput,
});

export const previewPriceChangeProcedure = platformProcedure("catalogue.manage")
  .input(previewPriceChangeInput)
  .query(({ ctx, input }) => previewPriceChange(ctx.db, input));
