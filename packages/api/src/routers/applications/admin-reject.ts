import { z } from "zod";
import { rejectApplication } from "@tessera/core";
import { platformProcedure } from "../../trpc";
import { applicationIdInput, decisionReasonInput } from "./inputs";

export const rejectApplicationInput = z.object({
  ...applicationIdInput,
  reason: decisionReasonInput,
});

export const rejectApplicationProcedure = platformProcedure("applications.manage")
  .input(rejectApplicationInput)
  .mutation(({ ctx, input }) => rejectApplication(ctx.db, ctx.actor, input));
