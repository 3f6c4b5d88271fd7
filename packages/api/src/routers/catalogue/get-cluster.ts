import { z } from "zod";
import { getCluster } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const getClusterInput = z.object({ clusterId: rowId("cluster") });

export const getClusterProcedure = platformProcedure("catalogue.read")
  .input(getClusterInput)
  .query(({ ctx, input }) => getCluster(ctx.db, input.clusterId));
