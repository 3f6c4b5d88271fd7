import { getMe } from "@tessera/core";
import { noInput } from "../../schemas";
import { authedProcedure } from "../../trpc";

export const getMeProcedure = authedProcedure
  .input(noInput)
  .query(({ ctx }) => getMe(ctx.db, ctx.user.id));
