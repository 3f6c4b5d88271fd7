import { z } from "zod";
import { ENDPOINT_LIMITS } from "@tessera/core";
import { rowId } from "../../schemas";

export const replicasInput = (label: string, min: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(ENDPOINT_LIMITS.maxReplicas, `${label} must be at most ${ENDPOINT_LIMITS.maxReplicas}.`);

export const endpointIdInput = z.object({ endpointId: rowId("endpoint") });
