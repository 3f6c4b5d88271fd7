import { z } from "zod";
import { getUndertakingStanding } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const undertakingStandingInput = z.object({ organizationId: rowId("organisation") });

/** One organisation's undertaking (with its group) against the ceiling today. */
export const undertakingStandingProcedure = platformProcedure("stateAid.read")
  .input(undertakingStandingInput)
  .query(({ ctx, input }) => getUndertakingStanding(ctx.db, input.organizationId));
