import { z } from "zod";
import { updateOrganization } from "@tessera/core";
import { emailInput, text, websiteInput } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const updateOrganizationInput = z.object({
  name: text("Organisation name", 200, 2).optional(),
  website: websiteInput,
  contactName: text("Contact name", 200).optional(),
  contactEmail: emailInput.optional(),
  registryId: text("Registry number", 64).optional(),
});

export const updateOrganizationProcedure = tenantProcedure("organization.update")
  .input(updateOrganizationInput)
  .mutation(({ ctx, input: { organizationId: _organizationId, website, ...patch } }) =>
    // `website` absent means "leave it"; null or "" means "remove it".
    updateOrganization(ctx.tenant, ctx.actor, {
      ...patch,
      ...(website !== undefined ? { website } : {}),
    }),
  );
