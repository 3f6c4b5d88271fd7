import { createTRPCRouter } from "../../trpc";
import { getHomeProcedure } from "./get";

export const homeRouter = createTRPCRouter({
  get: getHomeProcedure,
});
