import { z } from "zod";

/**
 * What the driver reads from slurmrestd (OpenAPI v0.0.38), and nothing more: every object keeps
 * the fields it does not name (loose), so a cluster that adds fields still parses. Numbers Slurm
 * leaves unset come back as 0 or null depending on the field, hence `nullish` throughout.
 */

const count = z.number().int().nullish();
const text = z.string().nullish();

export const slurmErrorSchema = z.looseObject({
  /** The controller's endpoints say `error_number`, the submit endpoint `error_code`. */
  error_number: count,
  error_code: count,
  error: text,
  description: text,
  source: text,
});
export type SlurmApiError = z.infer<typeof slurmErrorSchema>;

const errorsField = z.array(slurmErrorSchema).nullish();

/** Any answer: only its errors, so a failed call can be classified whatever else it carries. */
export const slurmEnvelopeSchema = z.looseObject({ errors: errorsField });

export const liveJobSchema = z.looseObject({
  job_id: z.number().int(),
  name: text,
  comment: text,
  account: text,
  partition: text,
  job_state: text,
  state_reason: text,
  /** A raw wait status (768 = exit 3; 15 = killed by SIGTERM). */
  exit_code: count,
  submit_time: count,
  start_time: count,
  end_time: count,
  cpus: count,
  tres_alloc_str: text,
  tres_req_str: text,
});
export type LiveJob = z.infer<typeof liveJobSchema>;

export const liveJobsResponseSchema = z.looseObject({
  errors: errorsField,
  jobs: z.array(liveJobSchema).nullish(),
});

export const submitResponseSchema = z.looseObject({
  errors: errorsField,
  job_id: count,
});

const exitCodeSchema = z
  .looseObject({
    status: text,
    return_code: count,
  })
  .nullish();

const tresSchema = z.looseObject({
  type: text,
  name: text,
  count: count,
});

export const accountingJobSchema = z.looseObject({
  job_id: z.number().int(),
  name: text,
  account: text,
  partition: text,
  comment: z.looseObject({ job: text }).nullish(),
  state: z.looseObject({ current: text, reason: text }).nullish(),
  exit_code: exitCodeSchema,
  derived_exit_code: exitCodeSchema,
  time: z
    .looseObject({
      elapsed: count,
      submission: count,
      start: count,
      end: count,
    })
    .nullish(),
  tres: z
    .looseObject({
      allocated: z.array(tresSchema).nullish(),
      requested: z.array(tresSchema).nullish(),
    })
    .nullish(),
  required: z.looseObject({ CPUs: count }).nullish(),
});
export type AccountingJob = z.infer<typeof accountingJobSchema>;

export const accountingJobsResponseSchema = z.looseObject({
  errors: errorsField,
  jobs: z.array(accountingJobSchema).nullish(),
});
