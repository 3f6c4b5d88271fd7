import { z } from "zod";
import { createOrganization } from "@tessera/core";
import { countryInput, emailInput, organizationKindInput, text, websiteInput } from "../../schemas";
import { authedProcedure } from "../../trpc";

export const createOrganizationInput = z.object({
  name: text("Organisation name", 200, 2),
  kind: organizationKindInput,
  country: countryInput,
  registryId: text("Registry number", 64),
  website: websiteInput,
  contactName: text("Contact name", 200),
  contactEmail: emailInput,
});

export const createOrganizationProcedure = authedProcedure
  .input(createOrganizationInput)
  .mutation(({ ctx, input }) => createOrganization(ctx.db, ctx.actor, input));
