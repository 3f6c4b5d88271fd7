import { getHome } from "@tessera/core";
import { noInput } from "../../schemas";
import { authedProcedure } from "../../trpc";
import { readQueueDepths } from "../operations/queue-depths";

/** The signed-in person's home page: their organisations and each platform role they hold. */
export const getHomeProcedure = authedProcedure
  .input(noInput)
  .query(({ ctx }) => getHome(ctx.db, ctx.user.id, readQueueDepths));
