import { createTRPCRouter } from "../../trpc";
import { createClusterProcedure } from "./create-cluster";
import { createResourceClassProcedure } from "./create-resource-class";
import { getClusterProcedure } from "./get-cluster";
import { listClustersProcedure } from "./list-clusters";
import { listResourceClassesProcedure } from "./list-resource-classes";
import { previewPriceChangeProcedure } from "./preview-price-change";
import { removeClusterResourceProcedure } from "./remove-cluster-resource";
import { setClusterResourceProcedure } from "./set-cluster-resource";
import { updateClusterProcedure } from "./update-cluster";
import { updateResourceClassProcedure } from "./update-resource-class";

export const catalogueRouter = createTRPCRouter({
  resourceClasses: createTRPCRouter({
    list: listResourceClassesProcedure,
    create: createResourceClassProcedure,
    update: updateResourceClassProcedure,
    previewPriceChange: previewPriceChangeProcedure,
  }),
  clusters: createTRPCRouter({
    list: listClustersProcedure,
    get: getClusterProcedure,
    create: createClusterProcedure,
    update: updateClusterProcedure,
    setResource: setClusterResourceProcedure,
    removeResource: removeClusterResourceProcedure,
  }),
});
