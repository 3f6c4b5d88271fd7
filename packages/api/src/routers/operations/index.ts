import { createTRPCRouter } from "../../trpc";
import { listDeadLettersProcedure } from "./dead-letters";
import { dismissDeadLetterProcedure } from "./dismiss";
import { clusterEndpointsProcedure } from "./endpoints";
import { operationsOverviewProcedure } from "./overview";
import { redriveDeadLetterProcedure } from "./redrive";
import { shareEndpointProcedure } from "./share-endpoint";

export const operationsRouter = createTRPCRouter({
  overview: operationsOverviewProcedure,
  deadLetters: listDeadLettersProcedure,
  redrive: redriveDeadLetterProcedure,
  dismiss: dismissDeadLetterProcedure,
  endpoints: clusterEndpointsProcedure,
  shareEndpoint: shareEndpointProcedure,
});
