import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@tessera/api";

/** What the endpoint and model procedures return, as pages receive it. */
type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type EndpointPage = Outputs["endpoints"]["list"];
export type EndpointSummary = EndpointPage["items"][number];
export type EndpointDetail = Outputs["endpoints"]["get"];
export type EndpointCost = Outputs["endpoints"]["cost"];
export type EndpointEvent = EndpointDetail["events"][number];
export type EndpointReplicas = EndpointDetail["replicas"];
export type EndpointStatus = EndpointSummary["status"];
export type ModelView = Outputs["models"]["list"][number];
export type ModelOpenness = ModelView["openness"];
export type ServingRuntime = Outputs["models"]["runtimes"][number];
export type DeployInput = Inputs["endpoints"]["deploy"];
export type CreateModelInput = Inputs["models"]["create"];
export type ClusterEndpoints = Outputs["operations"]["endpoints"][number];

export const OPENNESS: readonly ModelOpenness[] = [
  "OPEN_SCIENCE",
  "OPEN_TOOLING",
  "OPEN_MODEL",
  "WEIGHTS_AVAILABLE",
];

/** States in which an endpoint is still changing, so live pages keep asking. */
export function isSettled(endpoint: {
  status: EndpointStatus;
  readyReplicas: number;
  desiredReplicas: number;
}): boolean {
  if (endpoint.status === "FAILED" || endpoint.status === "DELETED") return true;
  if (endpoint.status === "READY") return endpoint.readyReplicas === endpoint.desiredReplicas;
  if (endpoint.status === "SCALED_TO_ZERO") return endpoint.desiredReplicas === 0;
  return false;
}

/** States a member may still scale, wake or delete from (the server's LIVE_ENDPOINT_STATUSES). */
export function isLive(status: EndpointStatus): boolean {
  return status !== "FAILED" && status !== "DELETING" && status !== "DELETED";
}
