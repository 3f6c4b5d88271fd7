import { z } from "zod";
import { CLUSTER_ENDPOINT_MESSAGES, clusterEndpointProblem, createCluster } from "@tessera/core";
import { text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import {
  catalogueCodeInput,
  clusterKindInput,
  jurisdictionInput,
} from "../programmes/shared-inputs";

/**
 * The scheduler's address as far as it can be checked without the cluster's kind (an edit does
 * not send it); the domain checks it again against the kind (createCluster, updateCluster).
 */
export const clusterEndpointInput = z
  .string({ error: "The endpoint must be text." })
  .superRefine((value, context) => {
    const problem = clusterEndpointProblem(value);
    if (problem) context.addIssue({ code: "custom", message: CLUSTER_ENDPOINT_MESSAGES[problem] });
  })
  .nullish();

export const createClusterInput = z
  .object({
    code: catalogueCodeInput("cluster"),
    name: text("Name", 120, 2),
    kind: clusterKindInput,
    region: text("Region", 80),
    jurisdiction: jurisdictionInput,
    endpoint: clusterEndpointInput,
  })
  .superRefine((input, context) => {
    // What only the kind decides (https for Kubernetes, none for a simulated cluster).
    const problem = input.endpoint ? clusterEndpointProblem(input.endpoint, input.kind) : null;
    if (problem) {
      context.addIssue({
        code: "custom",
        path: ["endpoint"],
        message: CLUSTER_ENDPOINT_MESSAGES[problem],
      });
    }
  });

export const createClusterProcedure = platformProcedure("catalogue.manage")
  .input(createClusterInput)
  .mutation(({ ctx, input }) => createCluster(ctx.db, ctx.actor, input));
