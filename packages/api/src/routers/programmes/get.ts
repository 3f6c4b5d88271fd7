import { z } from "zod";
import { getProgrammeForOrganization } from "@tessera/core";
import { rowId } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const getProgrammeInput = z.object({ programmeId: rowId("programme") });

export const getProgrammeProcedure = tenantProcedure("programmes.read")
  .input(getProgrammeInput)
  .query(({ ctx, input }) => getProgrammeForOrganization(ctx.tenant, input.programmeId));
