import {
  DriverError,
  jobNameFor,
  nodesOfRequest,
  workloadIdFromJobName,
  type SubmitRequest,
} from "@tessera/core";

/** Where jobs write stdout and stderr (one `<job id>.out` each); infra/slurm/up.sh creates it. */
export const DEFAULT_JOB_OUTPUT_DIRECTORY = "/var/spool/tessera-jobs";

const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const COMMENT_PREFIX = "tessera workload";
const SLURM_ACCOUNT = /^[a-z0-9_]{1,64}$/i;
const SLURM_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const SLURM_GRES = /^[a-z][a-z0-9_]*:[A-Za-z0-9_.-]+$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const INSTALLATION_ID = /^[a-z0-9-]{8,64}$/i;
// "tessera workload <workload id>[ in <installation id>][: <name>]"
const COMMENT = /^tessera workload ([a-z0-9]{8,64})(?: in ([a-z0-9-]{8,64}))?(?::|$)/i;

/**
 * Pure: the job comment, which carries the workload id and the installation that submitted it
 * (when known) next to the job's human name.
 */
export function slurmCommentFor(
  workloadId: string,
  displayName: string,
  installationId?: string,
): string {
  const name = displayName
    .replace(/[\r\n\t]+/g, " ")
    .trim()
    .slice(0, 120);
  const owner =
    installationId && INSTALLATION_ID.test(installationId)
      ? `${COMMENT_PREFIX} ${workloadId} in ${installationId}`
      : `${COMMENT_PREFIX} ${workloadId}`;
  return name ? `${owner}: ${name}` : owner;
}

/**
 * Pure: the Tessera installation a Slurm job's comment names; null when it names none (a job
 * submitted before installations were named, or by hand).
 */
export function installationIdFromSlurmComment(comment: string | null | undefined): string | null {
  return COMMENT.exec(comment?.trim() ?? "")?.[2] ?? null;
}

/** Pure: the workload a Slurm job belongs to, from its name or else its comment; null if none. */
export function workloadIdFromSlurmJob(
  name: string | null | undefined,
  comment: string | null | undefined,
): string | null {
  const fromName = workloadIdFromJobName(name);
  if (fromName) return fromName;
  return COMMENT.exec(comment?.trim() ?? "")?.[1] ?? null;
}

/** Pure: walltime in seconds → Slurm's time limit in whole minutes, rounded up. */
export function slurmTimeLimitMinutes(walltimeSeconds: number): number {
  return Math.max(1, Math.ceil(walltimeSeconds / 60));
}

function refuse(message: string): never {
  throw new DriverError(message, false);
}

/**
 * Pure: the body of `POST /slurm/<version>/job/submit` for a workload: name and comment carry its
 * id (the comment also the submitting installation's). The job takes exactly the nodes it was
 * accepted for (nodesOfRequest: else one node when it fits on one, or whole nodes of the
 * cluster's units per node), with one task per node: a GPU class asks for `--gres=<gres>:<units per node>` (GRES are
 * counted per node), a CPU class (no GRES) for `--cpus-per-task=<units per node>`. Output goes to
 * `<directory>/<job id>.out`. Throws a non-retryable DriverError for a request Slurm could never
 * accept.
 */
export function buildSlurmSubmission(
  request: SubmitRequest,
  outputDirectory: string,
  installationId?: string,
) {
  const { mapping } = request;
  if (!Number.isInteger(request.quantity) || request.quantity < 1) {
    refuse("A job needs a whole number of units, at least one.");
  }
  if (!Number.isInteger(request.walltimeSeconds) || request.walltimeSeconds < 1) {
    refuse("A job needs a walltime of at least one second.");
  }
  if (!SLURM_ACCOUNT.test(request.account)) {
    refuse(`"${request.account}" is not a Slurm account name this cluster can use.`);
  }
  if (!mapping.slurmPartition || !SLURM_NAME.test(mapping.slurmPartition)) {
    refuse(`This cluster has no Slurm partition for ${request.resourceClassCode}.`);
  }
  if (mapping.slurmGres && !SLURM_GRES.test(mapping.slurmGres)) {
    refuse(`The GRES "${mapping.slurmGres}" for ${request.resourceClassCode} is not valid.`);
  }
  if (!request.script.startsWith("#!")) {
    refuse("A batch script must start with an interpreter line such as #!/bin/bash.");
  }
  for (const name of Object.keys(request.environment)) {
    if (!ENV_NAME.test(name)) refuse(`"${name}" is not a valid environment variable name.`);
  }

  const shape = nodesOfRequest(request);
  if (!shape) {
    refuse(
      `A node of this cluster has ${mapping.unitsPerNode} units of ${request.resourceClassCode}; a job of ${request.quantity} is not a whole number of nodes.`,
    );
  }
  const resources = mapping.slurmGres
    ? { gres: `${mapping.slurmGres}:${shape.unitsPerNode}`, tasks: shape.nodes }
    : { tasks: shape.nodes, cpus_per_task: shape.unitsPerNode };
  const output = `${outputDirectory.replace(/\/+$/, "")}/%j.out`;
  return {
    script: request.script,
    job: {
      name: jobNameFor(request.workloadId),
      comment: slurmCommentFor(request.workloadId, request.displayName, installationId),
      account: request.account,
      partition: mapping.slurmPartition,
      nodes: [shape.nodes, shape.nodes],
      ...resources,
      time_limit: slurmTimeLimitMinutes(request.walltimeSeconds),
      current_working_directory: outputDirectory,
      standard_output: output,
      standard_error: output,
      // slurmrestd requires an environment; the job gets exactly this one (no login environment,
      // so no HOME either unless given: the output directory, the submitting user's home on the
      // development cluster).
      environment: {
        PATH: DEFAULT_PATH,
        HOME: outputDirectory,
        ...request.environment,
        TESSERA_WORKLOAD_ID: request.workloadId,
      },
    },
  };
}
