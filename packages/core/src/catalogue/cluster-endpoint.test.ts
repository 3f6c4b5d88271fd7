import { describe, expect, it } from "vitest";
import { isJurisdiction, JURISDICTION_CODES, normalizeResidency } from "../tenancy/countries";
import { CLUSTER_ENDPOINT_MESSAGES, clusterEndpointProblem } from "./cluster-endpoint";

describe("clusterEndpointProblem", () => {
  it.each([
    ["http://slurm.example:6820", "SLURM"],
    ["https://slurm.example:6820/proxy/slurm", "SLURM"],
    ["http://127.0.0.1:6820", "SLURM"],
    ["http://[::1]:6820", "SLURM"],
    ["HTTPS://K8S.example:6443", "KUBERNETES"],
    ["  https://k8s.example:6443  ", "KUBERNETES"],
    ["", "SLURM"],
    ["   ", "KUBERNETES"],
    ["", "SIM"],
  ] as const)("takes %j for %s", (endpoint, kind) => {
    expect(clusterEndpointProblem(endpoint, kind)).toBeNull();
  });

  it.each([
    ["javascript:alert(1)", "scheme"],
    ["ftp://slurm.example:6820", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["slurm.example:6820", "scheme"],
    ["http:slurm.example", "scheme"],
    ["http:/slurm.example", "scheme"],
    ["http://", "noHost"],
    ["https://:6820", "noHost"],
    ["https:///slurm", "noHost"],
    ["https://admin:secret@slurm.example", "credentials"],
    ["https://token@slurm.example", "credentials"],
    ["https://slurm.example/?a=1", "queryOrFragment"],
    ["https://slurm.example#top", "queryOrFragment"],
    ["https://slurm example", "spaces"],
    ["https://slurm.example/\u0000", "spaces"],
    ["https://slurm.example:99999", "notUrl"],
    ["https://exa[mple", "notUrl"],
    [`https://${"a".repeat(300)}.example`, "tooLong"],
  ] as const)("refuses %j (%s), whatever the kind", (endpoint, problem) => {
    expect(clusterEndpointProblem(endpoint)).toBe(problem);
    expect(clusterEndpointProblem(endpoint, "SLURM")).toBe(problem);
    expect(CLUSTER_ENDPOINT_MESSAGES[problem]).toMatch(/\.$/);
  });

  it("asks https of a Kubernetes API server, and no endpoint of a simulated cluster", () => {
    expect(clusterEndpointProblem("http://k8s.example:6443", "KUBERNETES")).toBe("httpsOnly");
    expect(clusterEndpointProblem("http://k8s.example:6443")).toBeNull();
    expect(clusterEndpointProblem("https://sim.example", "SIM")).toBe("simulated");
  });
});

describe("jurisdictions", () => {
  it("are EU and every ISO country code, once each", () => {
    expect(JURISDICTION_CODES[0]).toBe("EU");
    expect(JURISDICTION_CODES).toContain("DE");
    expect(JURISDICTION_CODES).toContain("GE");
    expect(new Set(JURISDICTION_CODES).size).toBe(JURISDICTION_CODES.length);
    expect(JURISDICTION_CODES.length).toBe(250);
  });

  it("are matched exactly; residency upper-cases first", () => {
    expect(isJurisdiction("DE")).toBe(true);
    expect(isJurisdiction("de")).toBe(false);
    for (const value of ["GERMANY", "Germany", "GE RMANY", "XX", "EUR", ""]) {
      expect(normalizeResidency(value)).toBeNull();
    }
    expect(normalizeResidency(" eu ")).toBe("EU");
  });
});
