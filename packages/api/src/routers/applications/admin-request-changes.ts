import { z } from "zod";
import { requestApplicationChanges } from "@tessera/core";
import { platformProcedure } from "../../trpc";
import { applicationIdInput, decisionReasonInput } from "./inputs";

export const requestChangesInput = z.object({ ...applicationIdInput, reason: decisionReasonInput });

export const requestChangesProcedure = platformProcedure("applications.manage")
  .input(requestChangesInput)
  .mutation(({ ctx, input }) => requestApplicationChanges(ctx.db, ctx.actor, input));
