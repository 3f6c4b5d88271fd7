import { Queue, type ConnectionOptions } from "bullmq";
import { OUTBOX_QUEUE, WORKER_QUEUES, type WorkerQueue } from "@tessera/core";

export type QueueSet = Record<keyof typeof WORKER_QUEUES, Queue>;

/** Queues whose jobs come from the outbox; the others carry scheduled sweeps. */
export const OUTBOX_QUEUE_KEYS = ["launch", "cancel", "provision", "endpoints"] as const;

/** Every queue the worker uses, all under the same key prefix (QUEUE_PREFIX). */
export function createQueues(connection: ConnectionOptions, prefix: string): QueueSet {
  const make = (name: WorkerQueue) => new Queue(name, { connection, prefix });
  return {
    launch: make(WORKER_QUEUES.launch),
    cancel: make(WORKER_QUEUES.cancel),
    provision: make(WORKER_QUEUES.provision),
    endpoints: make(WORKER_QUEUES.endpoints),
    reconcile: make(WORKER_QUEUES.reconcile),
    housekeeping: make(WORKER_QUEUES.housekeeping),
  };
}

export function queueList(queues: QueueSet): Queue[] {
  return Object.values(queues);
}

/** The queue jobs of an outbox event type go to; undefined for a type no queue takes. */
export function queueForEventType(queues: QueueSet, type: string): Queue | undefined {
  const name = OUTBOX_QUEUE[type];
  return name ? queueList(queues).find((queue) => queue.name === name) : undefined;
}
