import { z } from "zod";

/** The outbox event types the worker tier handles (OUTBOX_QUEUE in operations says on which queue). */
export const OUTBOX_EVENT_TYPES = [
  "workload.launch",
  "workload.cancel",
  "tenant.provision",
  "endpoint.deploy",
  "endpoint.scale",
  "endpoint.delete",
  "endpoint.wake",
] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

const workloadPayload = z.object({ workloadId: z.string().min(1).max(64) }).strict();

/** The payload each outbox event type carries; checked by the relay and again by the handler. */
export const OUTBOX_PAYLOADS = {
  "workload.launch": workloadPayload,
  "workload.cancel": workloadPayload,
  "tenant.provision": z
    .object({ organizationId: z.string().min(1).max(64), clusterId: z.string().min(1).max(64) })
    .strict(),
  "endpoint.deploy": workloadPayload,
  "endpoint.scale": workloadPayload,
  "endpoint.delete": workloadPayload,
  /** Written by the gateway for a request to an endpoint at zero. */
  "endpoint.wake": workloadPayload,
} as const;

export type OutboxPayload<T extends OutboxEventType> = z.infer<(typeof OUTBOX_PAYLOADS)[T]>;

export function isOutboxEventType(type: string): type is OutboxEventType {
  return (OUTBOX_EVENT_TYPES as readonly string[]).includes(type);
}

/** The queue job id for an outbox event: the same event never makes two jobs. */
export function outboxJobId(eventId: bigint | number | string): string {
  return `outbox-${eventId.toString()}`;
}

/** Reads the event id back from an outbox job id; null for jobs that did not come from the outbox. */
export function outboxEventIdFromJobId(jobId: string | undefined): bigint | null {
  const match = /^outbox-(\d{1,19})$/.exec(jobId ?? "");
  return match?.[1] ? BigInt(match[1]) : null;
}

/** Retries for an outbox job: 8 attempts, exponential backoff from 1 s (1, 2, 4 … 64 s). */
export const OUTBOX_JOB_ATTEMPTS = 8;
export const OUTBOX_JOB_OPTIONS = {
  attempts: OUTBOX_JOB_ATTEMPTS,
  backoff: { type: "exponential", delay: 1_000 },
  // Finished jobs stay a while, so a relay that re-adds an event after a crash finds the job.
  removeOnComplete: { age: 86_400, count: 10_000 },
  removeOnFail: { age: 7 * 86_400, count: 10_000 },
} as const;
