import { z } from "zod";
import { browseProgrammes } from "@tessera/core";
import { pageInput } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const browseProgrammesInput = z.object(pageInput);

/** Open programmes with the organisation's eligibility (and why not) and cap standing. */
export const browseProgrammesProcedure = tenantProcedure("programmes.read")
  .input(browseProgrammesInput)
  .query(({ ctx, input }) => browseProgrammes(ctx.tenant, input));
