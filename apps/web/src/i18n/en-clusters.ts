import { CLUSTER_ENDPOINT_MESSAGES } from "@tessera/core/cluster-endpoint";

/**
 * Strings of the catalogue's cluster form that say what a jurisdiction and an endpoint must be,
 * in British English. `ClusterMessages` makes the compiler insist that a new locale is complete.
 */
export const enClusters = {
  jurisdictionHint:
    "Where the cluster's data is processed: a country, or the EU as a whole. Decides which projects' data may run there.",
  jurisdictionPlaceholder: "Choose a jurisdiction",
  /** An option: "DE — Germany". */
  jurisdictionOption: (code: string, name: string) => `${code} — ${name}`,
  /** An entry of the form's list: the name first, so that typing a country's name finds it. */
  jurisdictionChoice: (code: string, name: string) => `${name} (${code})`,
  /** A cluster's stored jurisdiction that is not in the list (registered by a script before). */
  jurisdictionUnknown: (code: string) =>
    `${code} — not a jurisdiction Tessera knows: choose one from the list`,
  endpointHint: {
    SLURM:
      "The slurmrestd address, for example http://slurm.example:6820. Leave empty until it is ready: the cluster takes no jobs without it.",
    KUBERNETES:
      "The Kubernetes API server, over https, for example https://k8s.example:6443. Leave empty until it is ready: the cluster takes no endpoints without it.",
    SIM: "A simulated cluster runs inside Tessera and has no endpoint.",
  },
  required: {
    code: "Enter a code.",
    codeShort: "Enter a code of at least 2 characters.",
    codeLong: "The code can be at most 64 characters.",
    codeCharacters:
      "The code is lower-case letters a to z, digits, dots and dashes, starting with a letter or digit, for example hpc-1.",
    name: "Enter a name.",
    nameShort: "Enter a name of at least 2 characters.",
    nameLong: "The name can be at most 120 characters.",
    region: "Enter the region.",
    regionLong: "The region can be at most 80 characters.",
    jurisdiction: "Choose a jurisdiction: a country, or EU.",
    jurisdictionUnknown: (code: string) =>
      `${code} is not a jurisdiction Tessera knows: choose the country, or EU, where this cluster's data is processed.`,
  },
  /** The server's words (a new locale gives its own for every problem). */
  endpointProblems: CLUSTER_ENDPOINT_MESSAGES,
};

export type ClusterMessages = typeof enClusters;
