import { z } from "zod";
import { listProjects } from "@tessera/core";
import { pageInput } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const listProjectsInput = z.object(pageInput);

export const listProjectsProcedure = tenantProcedure("projects.read")
  .input(listProjectsInput)
  .query(({ ctx, input }) =>
    listProjects(ctx.tenant, { cursor: input.cursor, limit: input.limit }),
  );
