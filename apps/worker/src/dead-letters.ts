import { UnrecoverableError, type Job } from "bullmq";
import { recordDeadLetter } from "@tessera/core";
import type { Database } from "@tessera/db";
import type { Logger } from "./logger";

/** True when the queue will not try this job again: its attempts are spent or it cannot succeed. */
export function isFinalFailure(
  job: Pick<Job, "attemptsMade" | "opts">,
  error: Pick<Error, "name">,
): boolean {
  if (error instanceof UnrecoverableError || error.name === "UnrecoverableError") return true;
  return job.attemptsMade >= (job.opts.attempts ?? 1);
}

function workloadIdOf(data: unknown): string | null {
  if (typeof data !== "object" || data === null) return null;
  const id = (data as { workloadId?: unknown }).workloadId;
  return typeof id === "string" ? id : null;
}

export interface DeadLetterSink {
  /** Called from a worker's `failed` event; writes the dead letter when the failure is final. */
  onFailed(queueName: string, job: Job | undefined, error: Error): boolean;
  /** Resolves when every dead letter being written has been written (shutdown waits for it). */
  flush(): Promise<void>;
}

/**
 * Turns final job failures into DeadLetter rows for operators. A launch keeps its workload
 * ACCEPTED (an operator re-drives or dismisses it) and its timeline says why it is waiting.
 */
export function createDeadLetterSink(
  database: Database,
  log: Logger,
  onRecorded: (queueName: string) => void = () => undefined,
): DeadLetterSink {
  const writing = new Set<Promise<void>>();
  return {
    onFailed(queueName, job, error) {
      if (!job?.id || !isFinalFailure(job, error)) return false;
      const write = recordDeadLetter(database, {
        queue: queueName,
        jobId: job.id,
        jobName: job.name,
        payload: job.data,
        error: error.message,
        attempts: job.attemptsMade,
        workloadId: queueName === "launch" ? workloadIdOf(job.data) : null,
      }).then(
        () => {
          onRecorded(queueName);
          log.error("job set aside as a dead letter", {
            queue: queueName,
            jobId: job.id,
            job: job.name,
            attempts: job.attemptsMade,
            error: error.message,
          });
        },
        (failure: unknown) => {
          log.error("could not record a dead letter", {
            queue: queueName,
            jobId: job.id,
            error: failure instanceof Error ? failure.message : String(failure),
          });
        },
      );
      writing.add(write);
      void write.finally(() => writing.delete(write));
      return true;
    },
    async flush() {
      await Promise.allSettled([...writing]);
    },
  };
}
