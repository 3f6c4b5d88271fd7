/** Compute drivers: the backends behind packages/core's ComputeDriver interface (worker tier only). */
export {
  createDriver,
  DRIVEN_CLUSTER_KINDS,
  KUBERNETES_NOT_YET,
  type DriverDeps,
} from "./create-driver";
export { createUnsupportedDriver } from "./unsupported-driver";
export { readFileTail, tailLines } from "./output-tail";

export { SimDriver, type SimDriverOptions } from "./sim/sim-driver";
export { advanceSimulation, simEnd, type SimJobChange, type SimJobRow } from "./sim/sim-schedule";
export { simOutput, simEpochs, type SimEnding, type SimOutputJob } from "./sim/sim-output";
export {
  DEFAULT_SIM_SECONDS,
  SIM_SECONDS_ENV,
  scriptExitCode,
  simDurationSeconds,
} from "./sim/sim-script";

export { SlurmDriver, type SlurmDriverOptions } from "./slurm/slurm-driver";
export { SLURM_API_VERSION, slurmdbPath, slurmPath } from "./slurm/api-version";
export { execFileRunner, type CommandResult, type CommandRunner } from "./slurm/command-runner";
export {
  buildSlurmSubmission,
  DEFAULT_JOB_OUTPUT_DIRECTORY,
  installationIdFromSlurmComment,
  slurmCommentFor,
  slurmTimeLimitMinutes,
  workloadIdFromSlurmJob,
} from "./slurm/job-request";
export {
  exitCodeFromSacct,
  exitCodeFromWaitStatus,
  mapSlurmJobState,
  normalizeSlurmState,
  type MappedSlurmState,
} from "./slurm/job-state";
export { mintSlurmToken, SlurmTokenSource, type SlurmTokenSourceOptions } from "./slurm/jwt";
export { ensureSlurmAccount, TESSERA_PARENT_ACCOUNT } from "./slurm/sacctmgr";
export { slurmFailure, slurmRefusalMessage } from "./slurm/slurm-errors";

export { createEndpointDriver, type EndpointDriverDeps } from "./create-endpoint-driver";
export {
  DEFAULT_SIM_ENDPOINT_READY_SECONDS,
  DEFAULT_SIM_MODEL_SERVER_URL,
  SimEndpointDriver,
  simEndpointState,
  type SimEndpointDriverOptions,
} from "./sim/sim-endpoint-driver";
export {
  DEFAULT_GATEWAY_NAMESPACE,
  KubernetesEndpointDriver,
  type KubernetesEndpointDriverOptions,
} from "./kubernetes/kubernetes-endpoint-driver";
export { kubeClients, kubeClientsFromFile, type KubeClients } from "./kubernetes/kube-client";
export { kubernetesFailure } from "./kubernetes/k8s-errors";
export {
  endpointLabels,
  endpointNameFor,
  endpointObjects,
  FIELD_MANAGER,
  installationSelector,
  LABEL_INSTALLATION,
  LABEL_ORGANIZATION,
  LABEL_WORKLOAD,
  namespaceFor,
  QUOTA_NAME,
  quotaHard,
  tenantObjects,
} from "./kubernetes/k8s-objects";
export { endpointStatus, tidyReason } from "./kubernetes/k8s-status";
