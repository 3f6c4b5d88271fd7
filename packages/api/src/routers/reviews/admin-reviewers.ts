import { z } from "zod";
import { listReviewers } from "@tessera/core";
import { pageInput, text } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const listReviewersInput = z.object({ ...pageInput, q: text("Search", 200, 0).nullish() });

export const listReviewersProcedure = platformProcedure("applications.manage")
  .input(listReviewersInput)
  .query(({ ctx, input }) => listReviewers(ctx.db, input));
