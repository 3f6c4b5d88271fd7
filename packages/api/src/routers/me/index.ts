import { createTRPCRouter } from "../../trpc";
import { getMeProcedure } from "./get";

export const meRouter = createTRPCRouter({ get: getMeProcedure });
