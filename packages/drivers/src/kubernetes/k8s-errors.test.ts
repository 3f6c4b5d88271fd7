import { describe, expect, it } from "vitest";
import { ApiException } from "@kubernetes/client-node";
import { kubernetesFailure } from "./k8s-errors";

function answer(code: number, reason: string, message: string) {
  return new ApiException(
    code,
    `HTTP ${code}`,
    JSON.stringify({ kind: "Status", code, reason, message }),
    {},
  );
}

describe("kubernetesFailure", () => {
  it("retries conflicts, throttling and server errors", () => {
    for (const code of [409, 429, 500, 503]) {
      expect(kubernetesFailure(answer(code, "X", "try again"), "applying").retryable).toBe(true);
    }
  });

  it("retries when the API server does not answer", () => {
    const failure = kubernetesFailure(
      Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }),
      "applying deployment t-a/ep-1",
    );
    expect(failure.retryable).toBe(true);
    expect(failure.message).toContain("ECONNREFUSED");
  });

  it("refuses an invalid object with the server's reason", () => {
    const failure = kubernetesFailure(
      answer(422, "Invalid", 'Deployment.apps "ep-1" is invalid: spec.replicas: Invalid value: -1'),
      "applying",
    );
    expect(failure.retryable).toBe(false);
    expect(failure.message).toContain("spec.replicas: Invalid value: -1");
  });

  it("refuses what the namespace's quota does not allow, saying so", () => {
    const failure = kubernetesFailure(
      answer(
        403,
        "Forbidden",
        'services "ep-2" is forbidden: exceeded quota: tessera-quota, requested: services=1, used: services=1, limited: services=1',
      ),
      "applying",
    );
    expect(failure.retryable).toBe(false);
    expect(failure.message).toMatch(/^The namespace's quota refused it: .*exceeded quota/);
    expect(failure.detail).toMatchObject({ status: 403, quota: true });
  });

  it("retries a refusal of Tessera's own ServiceAccount, naming it, since a restarted API server answers so at first", () => {
    const failure = kubernetesFailure(
      answer(
        403,
        "Forbidden",
        'deployments.apps "ep-3" is forbidden: User "system:serviceaccount:tessera-system:tessera-worker" cannot get resource "deployments"',
      ),
      "reading deployment t-a/ep-3",
    );
    expect(failure.retryable).toBe(true);
    expect(failure.message).toMatch(/^Kubernetes did not let Tessera's worker do it/);
    expect(failure.message).toContain("ServiceAccount is missing a permission");
    expect(failure.detail).not.toMatchObject({ quota: true });
  });
});
