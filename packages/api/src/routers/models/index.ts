import { createTRPCRouter } from "../../trpc";
import { createModelProcedure } from "./create";
import { listAllModelsProcedure, listModelsProcedure, listRuntimesProcedure } from "./list";
import { updateModelProcedure } from "./update";

export const modelsRouter = createTRPCRouter({
  list: listModelsProcedure,
  runtimes: listRuntimesProcedure,
  all: listAllModelsProcedure,
  create: createModelProcedure,
  update: updateModelProcedure,
});
