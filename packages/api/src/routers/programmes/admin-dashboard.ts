import { z } from "zod";
import { getProgrammeDashboard } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { dateInput } from "./shared-inputs";

export const programmeDashboardInput = z.object({
  programmeId: rowId("programme"),
  from: dateInput("From").nullish(),
  to: dateInput("To").nullish(),
});

export const programmeDashboardProcedure = platformProcedure("programmes.manage")
  .input(programmeDashboardInput)
  .query(({ ctx, input }) => getProgrammeDashboard(ctx.db, input));
