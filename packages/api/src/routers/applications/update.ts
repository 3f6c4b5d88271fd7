import { z } from "zod";
import { updateApplication } from "@tessera/core";
import { verifiedTenantProcedure } from "../../trpc";
import { applicationFields, applicationIdInput } from "./inputs";

const { programmeId: _programmeId, ...editable } = applicationFields;

export const updateApplicationInput = z.object({
  ...applicationIdInput,
  ...z.object(editable).partial().shape,
});

/** Edits a draft or an application sent back for changes; the programme stays. */
export const updateApplicationProcedure = verifiedTenantProcedure("applications.write")
  .input(updateApplicationInput)
  .mutation(({ ctx, input }) => {
    const { organizationId: _organizationId, ...patch } = input;
    return updateApplication(ctx.tenant, ctx.actor, patch);
  });
