import { createTRPCRouter } from "../../trpc";
import { createJobTemplateProcedure } from "./create";
import { listJobTemplatesProcedure } from "./list";
import { updateJobTemplateProcedure } from "./update";

export const jobTemplatesRouter = createTRPCRouter({
  list: listJobTemplatesProcedure,
  create: createJobTemplateProcedure,
  update: updateJobTemplateProcedure,
});
