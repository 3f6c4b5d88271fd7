import { z } from "zod";
import { getProgrammeForAdmin } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const getProgrammeForAdminInput = z.object({ programmeId: rowId("programme") });

export const getProgrammeForAdminProcedure = platformProcedure("programmes.manage")
  .input(getProgrammeForAdminInput)
  .query(({ ctx, input }) => getProgrammeForAdmin(ctx.db, input.programmeId));
