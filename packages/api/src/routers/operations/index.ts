import { createTRPCRouter } from "../../trpc";
import { listDeadLettersProcedure } from "./dead-letters";
import { dismissDeadLetterProcedure } from "./dismiss";
import { clusterEndpointsProcedure } from "./endpoints";
import { operationsOverviewProcedure } from "./overview";
import { redriveDeadLetterProcedure } from "./redrive";

export const operationsRouter = createTRPCRouter({
  overview: operationsOverviewProcedure,
  deadLetters: listDeadLettersProcedure,
  redrive: redriveDeadLetterProcedure,
  dismiss: dismissDeadLetterProcedure,
  endpoints: clusterEndpointsProcedure,
});
