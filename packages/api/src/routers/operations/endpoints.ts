import { listClusterEndpoints } from "@tessera/core";
import { noInput } from "../../schemas";
import { platformProcedure } from "../../trpc";

/** Every live endpoint of every organisation, per cluster, for operators. */
export const clusterEndpointsProcedure = platformProcedure("operations.read")
  .input(noInput)
  .query(({ ctx }) => listClusterEndpoints(ctx.db));
