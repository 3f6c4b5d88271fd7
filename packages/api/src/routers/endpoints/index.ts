import { createTRPCRouter } from "../../trpc";
import { endpointCostProcedure } from "./cost";
import { deleteEndpointProcedure } from "./delete";
import { deployEndpointProcedure } from "./deploy";
import { getEndpointProcedure } from "./get";
import { listEndpointsProcedure } from "./list";
import {
  scaleEndpointProcedure,
  scaleEndpointToZeroProcedure,
  wakeEndpointProcedure,
} from "./scale";

export const endpointsRouter = createTRPCRouter({
  list: listEndpointsProcedure,
  get: getEndpointProcedure,
  cost: endpointCostProcedure,
  deploy: deployEndpointProcedure,
  scale: scaleEndpointProcedure,
  scaleToZero: scaleEndpointToZeroProcedure,
  wake: wakeEndpointProcedure,
  delete: deleteEndpointProcedure,
});
