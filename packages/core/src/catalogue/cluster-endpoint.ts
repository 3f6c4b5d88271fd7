import type { ClusterKind } from "@tessera/db";

/**
 * What a cluster's endpoint must be, in one place for the API, the domain and the form: the base
 * address of its scheduler's API (slurmrestd for Slurm, the API server for Kubernetes) that the
 * worker calls. No imports but a type: the portal's form loads it.
 */

/** A host name is at most 253 characters; a port and a path prefix fit in the rest. */
export const MAX_CLUSTER_ENDPOINT_LENGTH = 300;

export type ClusterEndpointProblem =
  | "tooLong"
  | "spaces"
  | "scheme"
  | "noHost"
  | "credentials"
  | "queryOrFragment"
  | "notUrl"
  | "httpsOnly"
  | "simulated";

/** The server's words for each problem; the portal says the same in its own messages file. */
export const CLUSTER_ENDPOINT_MESSAGES: Record<ClusterEndpointProblem, string> = {
  tooLong: `The endpoint can be at most ${MAX_CLUSTER_ENDPOINT_LENGTH} characters.`,
  spaces:
    "The endpoint cannot contain spaces: enter one address, for example https://slurm.example:6820.",
  scheme:
    "Enter the endpoint as an http:// or https:// address, for example https://slurm.example:6820.",
  noHost:
    "The endpoint needs a host name after its http:// or https://, for example https://slurm.example:6820.",
  credentials:
    "Leave user names and passwords out of the endpoint: Tessera signs in to the cluster with its own key.",
  queryOrFragment:
    "The endpoint is the scheduler's base address: leave out anything from a ? or # onwards.",
  notUrl:
    "The endpoint is not a valid address: check its host name and port, for example https://slurm.example:6820.",
  httpsOnly:
    "A Kubernetes API server is reached over https://, for example https://k8s.example:6443.",
  simulated: "A simulated cluster has no endpoint: leave it empty.",
};

// The scheme, then the authority (up to the first /, ? or #), then the rest.
const ADDRESS = /^(https?):\/\/([^/?#]*)(.*)$/i;

/**
 * Why `endpoint` cannot be the endpoint of a cluster of `kind` (every kind when not given: an edit
 * whose kind the caller does not know), or null when it can. An empty endpoint is allowed: the
 * cluster is then not connected and takes no work until it has one.
 */
export function clusterEndpointProblem(
  endpoint: string,
  kind?: ClusterKind,
): ClusterEndpointProblem | null {
  const value = endpoint.trim();
  if (value === "") return null;
  if (kind === "SIM") return "simulated";
  if (value.length > MAX_CLUSTER_ENDPOINT_LENGTH) return "tooLong";
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return "spaces";
  const parts = ADDRESS.exec(value);
  if (!parts) return "scheme";
  const [, scheme = "", authority = "", rest = ""] = parts;
  if (authority.includes("@")) return "credentials";
  if (authority === "" || authority.startsWith(":")) return "noHost";
  if (rest.includes("?") || rest.includes("#")) return "queryOrFragment";
  try {
    const url = new URL(value);
    if (url.hostname === "") return "noHost";
  } catch {
    return "notUrl";
  }
  if (kind === "KUBERNETES" && scheme.toLowerCase() !== "https") return "httpsOnly";
  return null;
}
