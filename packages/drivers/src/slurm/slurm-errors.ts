import { DriverError } from "@tessera/core";
import type { SlurmApiError } from "./schemas";

/** slurm_errno.h: the job id is unknown to the controller (it ended longer than MinJobAge ago). */
export const ESLURM_INVALID_JOB_ID = 2017;
/** The accounting API found no row for the query. */
export const SLURMDB_NOTHING_FOUND = 9003;

/**
 * slurm_errno.h codes with which the controller refuses a job for what it asks (sending it again
 * will be refused again). Anything else — a controller restarting, slurmdbd down, a bad token
 * (which slurmrestd 22.05 answers with 500 and error -1) — may pass on a retry.
 */
const REFUSAL_CODES = new Set([
  2000, // ESLURM_INVALID_PARTITION_NAME
  2001, // ESLURM_DEFAULT_PARTITION_NOT_SET
  2002, // ESLURM_ACCESS_DENIED
  2003, // ESLURM_JOB_MISSING_REQUIRED_PARTITION_GROUP
  2004, // ESLURM_REQUESTED_NODES_NOT_IN_PARTITION
  2005, // ESLURM_TOO_MANY_REQUESTED_CPUS
  2006, // ESLURM_INVALID_NODE_COUNT
  2008, // ESLURM_JOB_MISSING_SIZE_SPECIFICATION
  2009, // ESLURM_JOB_SCRIPT_MISSING
  2014, // ESLURM_REQUESTED_NODE_CONFIG_UNAVAILABLE (e.g. more GPUs than a node has, unknown GRES)
  2045, // ESLURM_INVALID_ACCOUNT (unknown account, or the user has no association with it)
  2066, // ESLURM_INVALID_QOS
]);

export function slurmErrorCode(error: SlurmApiError): number | null {
  return error.error_number ?? error.error_code ?? null;
}

export function hasSlurmError(errors: readonly SlurmApiError[] | null | undefined, code: number) {
  return (errors ?? []).some((error) => slurmErrorCode(error) === code);
}

/** Pure: the first error that is a refusal of the request itself, if any. */
export function findSlurmRefusal(
  errors: readonly SlurmApiError[] | null | undefined,
): SlurmApiError | null {
  return (errors ?? []).find((error) => REFUSAL_CODES.has(slurmErrorCode(error) ?? -1)) ?? null;
}

/** Pure: "Invalid account or account/partition combination specified" → the refusal a user reads. */
export function slurmRefusalMessage(error: SlurmApiError): string {
  const text = (error.error ?? error.description ?? "the request was not accepted")
    .trim()
    .replace(/\s+specified$/i, "")
    .replace(/\.$/, "");
  return `Slurm refused the job: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** Pure: the errors of an answer, briefly, for logs and dead letters. */
export function summarizeSlurmErrors(errors: readonly SlurmApiError[] | null | undefined): string {
  const parts = (errors ?? []).map((error) => {
    const code = slurmErrorCode(error);
    const text = [error.error, error.description].filter(Boolean).join(": ");
    return code === null ? text : `${text} (${code})`;
  });
  return parts.length > 0 ? parts.join("; ") : "no error detail";
}

/**
 * Pure: the DriverError for a failed answer. A refusal (see REFUSAL_CODES) or a 4xx is final; a
 * 5xx without a refusal is worth retrying.
 */
export function slurmFailure(
  what: string,
  status: number,
  errors: readonly SlurmApiError[] | null | undefined,
): DriverError {
  const refusal = findSlurmRefusal(errors);
  const detail = { status, errors: summarizeSlurmErrors(errors) };
  if (refusal) return new DriverError(slurmRefusalMessage(refusal), false, detail);
  if (status >= 400 && status < 500) {
    return new DriverError(
      `slurmrestd rejected the request to ${what} (HTTP ${status}): ${detail.errors}`,
      false,
      detail,
    );
  }
  return new DriverError(
    `slurmrestd could not ${what} (HTTP ${status}): ${detail.errors}`,
    true,
    detail,
  );
}
