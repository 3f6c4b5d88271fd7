import { z } from "zod";
import { listApplicationsForAdmin } from "@tessera/core";
import { pageInput, rowId, text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { applicationStatusInput } from "./inputs";

export const listApplicationsForAdminInput = z.object({
  ...pageInput,
  programmeId: rowId("programme").nullish(),
  status: applicationStatusInput.nullish(),
  q: text("Search", 200, 0).nullish(),
});

export const listApplicationsForAdminProcedure = platformProcedure("applications.manage")
  .input(listApplicationsForAdminInput)
  .query(({ ctx, input }) => listApplicationsForAdmin(ctx.db, input));
