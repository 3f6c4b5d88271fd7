import { createTRPCRouter } from "../../trpc";
import { getAllocationProcedure } from "./get";
import { listAllocationsProcedure } from "./list";

export const allocationsRouter = createTRPCRouter({
  list: listAllocationsProcedure,
  get: getAllocationProcedure,
});
