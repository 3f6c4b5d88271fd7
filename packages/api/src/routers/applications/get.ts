import { z } from "zod";
import { getApplication } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { applicationIdInput } from "./inputs";

export const getApplicationInput = z.object(applicationIdInput);

export const getApplicationProcedure = tenantProcedure("applications.read")
  .input(getApplicationInput)
  .query(({ ctx, input }) => getApplication(ctx.tenant, input.applicationId));
