import { listJobTemplates } from "@tessera/core";
import { noInput } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const listJobTemplatesProcedure = platformProcedure("catalogue.read")
  .input(noInput)
  .query(({ ctx }) => listJobTemplates(ctx.db));
