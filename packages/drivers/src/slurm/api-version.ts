/**
 * The slurmrestd OpenAPI version this driver speaks. Slurm 22.05 (Debian 12) serves v0.0.38; a
 * cluster on a newer Slurm exposes newer versions, and pointing the driver at one changes only
 * this constant (after checking the fields in ./schemas.ts still mean the same).
 */
export const SLURM_API_VERSION = "v0.0.38";

/** A path under the controller's API (`/slurm/<version>/…`): live jobs, submit, cancel. */
export function slurmPath(path: string): string {
  return `/slurm/${SLURM_API_VERSION}/${path.replace(/^\//, "")}`;
}

/** A path under the accounting API (`/slurmdb/<version>/…`): history after MinJobAge. */
export function slurmdbPath(path: string): string {
  return `/slurmdb/${SLURM_API_VERSION}/${path.replace(/^\//, "")}`;
}
