import { getOperationsOverview } from "@tessera/core";
import { noInput } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { readQueueDepths } from "./queue-depths";

export const operationsOverviewProcedure = platformProcedure("operations.read")
  .input(noInput)
  .query(async ({ ctx }) => {
    const queues = await readQueueDepths();
    return {
      ...(await getOperationsOverview(ctx.db, queues ?? [])),
      queuesReachable: queues !== null,
    };
  });
