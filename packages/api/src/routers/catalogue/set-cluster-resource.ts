import { z } from "zod";
import { setClusterResource } from "@tessera/core";
import { rowId, text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { capacityInput, unitsPerNodeInput } from "../programmes/shared-inputs";

export const setClusterResourceInput = z.object({
  clusterId: rowId("cluster"),
  resourceClassId: rowId("resource class"),
  capacity: capacityInput,
  // Units of the class one node has; null clears it (jobs then ask for one node).
  unitsPerNode: unitsPerNodeInput.nullish(),
  // Confirms a capacity below the units in use now (a drain).
  drain: z.boolean().optional(),
  slurmPartition: text("Slurm partition", 64, 0).nullish(),
  slurmGres: text("Slurm GRES", 128, 0).nullish(),
  k8sResourceName: text("Kubernetes resource name", 253, 0).nullish(),
  k8sNodeSelector: z
    .record(text("Node selector label", 317), text("Node selector value", 63, 0), {
      error: "The node selector must map labels to values.",
    })
    .refine((value) => Object.keys(value).length <= 20, "Use at most 20 node selector labels.")
    .nullish(),
});

/** Adds a class to a cluster or changes its capacity and mapping (checked against the cluster's kind). */
export const setClusterResourceProcedure = platformProcedure("catalogue.manage")
  .input(setClusterResourceInput)
  .mutation(({ ctx, input }) => setClusterResource(ctx.db, ctx.actor, input));
