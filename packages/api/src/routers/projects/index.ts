import { createTRPCRouter } from "../../trpc";
import { createProjectProcedure } from "./create";
import { listProjectsProcedure } from "./list";

export const projectsRouter = createTRPCRouter({
  list: listProjectsProcedure,
  create: createProjectProcedure,
});
