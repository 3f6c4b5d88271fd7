/**
 * The worker tier's BullMQ queues (each under the QUEUE_PREFIX of the environment). The worker
 * consumes them; the operator overview reads their depths.
 */
export const WORKER_QUEUES = {
  launch: "launch",
  cancel: "cancel",
  provision: "provision",
  endpoints: "endpoints",
  reconcile: "reconcile",
  housekeeping: "tessera.housekeeping",
} as const;

export type WorkerQueue = (typeof WORKER_QUEUES)[keyof typeof WORKER_QUEUES];

/** Which queue carries each outbox event type. */
export const OUTBOX_QUEUE: Record<string, WorkerQueue> = {
  "workload.launch": WORKER_QUEUES.launch,
  "workload.cancel": WORKER_QUEUES.cancel,
  "tenant.provision": WORKER_QUEUES.provision,
  "endpoint.deploy": WORKER_QUEUES.endpoints,
  "endpoint.scale": WORKER_QUEUES.endpoints,
  "endpoint.delete": WORKER_QUEUES.endpoints,
  "endpoint.wake": WORKER_QUEUES.endpoints,
};
