import { z } from "zod";
import { listOrganizationsForReview } from "@tessera/core";
import { pageInput, text, verificationStatusInput } from "../../../schemas";
import { platformProcedure } from "../../../trpc";

export const listOrganizationsInput = z.object({
  ...pageInput,
  status: verificationStatusInput.nullish(),
  q: text("Search", 200, 0).nullish(),
});

export const listOrganizationsProcedure = platformProcedure("organizations.readAll")
  .input(listOrganizationsInput)
  .query(({ ctx, input }) => listOrganizationsForReview(ctx.db, input));
