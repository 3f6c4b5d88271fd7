/** Outbox event types of endpoints; all go to the `endpoints` queue. */
export const ENDPOINT_OUTBOX = {
  deploy: "endpoint.deploy",
  scale: "endpoint.scale",
  delete: "endpoint.delete",
} as const;
