import { z } from "zod";
import { getApplicationForAdmin } from "@tessera/core";
import { platformProcedure } from "../../trpc";
import { applicationIdInput } from "./inputs";

export const getApplicationForAdminInput = z.object(applicationIdInput);

export const getApplicationForAdminProcedure = platformProcedure("applications.manage")
  .input(getApplicationForAdminInput)
  .query(({ ctx, input }) => getApplicationForAdmin(ctx.db, input.applicationId));
