import { z } from "zod";
import { createApplication } from "@tessera/core";
import { verifiedTenantProcedure } from "../../trpc";
import { applicationFields } from "./inputs";

export const createApplicationInput = z.object(applicationFields);

export const createApplicationProcedure = verifiedTenantProcedure("applications.write")
  .input(createApplicationInput)
  .mutation(({ ctx, input }) => {
    const { organizationId: _organizationId, ...draft } = input;
    return createApplication(ctx.tenant, ctx.actor, draft);
  });
