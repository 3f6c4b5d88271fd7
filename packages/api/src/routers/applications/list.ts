import { z } from "zod";
import { listApplications } from "@tessera/core";
import { pageInput, rowId } from "../../schemas";
import { tenantProcedure } from "../../trpc";
import { applicationStatusInput } from "./inputs";

export const listApplicationsInput = z.object({
  ...pageInput,
  status: applicationStatusInput.nullish(),
  projectId: rowId("project").nullish(),
});

export const listApplicationsProcedure = tenantProcedure("applications.read")
  .input(listApplicationsInput)
  .query(({ ctx, input }) => listApplications(ctx.tenant, input));
