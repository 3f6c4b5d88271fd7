import { describe, expect, it } from "vitest";
import { placeWorkload, RETIRED_CLUSTER, type PlacementCluster } from "./place-workload";
import { readStoredPlacement } from "./stored-placement";

const cluster = (code: string, overrides: Partial<PlacementCluster> = {}): PlacementCluster => ({
  id: `id-${code}`,
  code,
  name: `Cluster ${code}`,
  kind: "SLURM",
  jurisdiction: "DE",
  active: true,
  connected: true,
  capacity: 16,
  inUse: 0,
  ...overrides,
});

const decision = placeWorkload([cluster("a"), cluster("old", { active: false })], {
  quantity: 4,
  residency: null,
  classification: "INTERNAL",
  organizationCountry: "DE",
});

describe("readStoredPlacement", () => {
  it("reads the decision submit stored, as the page shows it (retired clusters counted)", () => {
    // As read back from the JSON column.
    const view = readStoredPlacement(JSON.parse(JSON.stringify(decision)));
    expect(view).toEqual({
      ...decision,
      candidates: decision.candidates.filter((c) => c.why !== RETIRED_CLUSTER),
      retiredClusters: 1,
    });
    expect(view?.chosen?.clusterCode).toBe("a");
  });

  it("reads a decision that chose nothing", () => {
    const none = { ...decision, chosen: null, refusedForData: true };
    expect(readStoredPlacement(none)?.refusedForData).toBe(true);
  });

  it("says it cannot read a record that is not a decision, rather than failing", () => {
    const [candidate] = decision.candidates;
    for (const stored of [
      {},
      null,
      "a string",
      42,
      [],
      { chosen: "a", reason: "written by hand" },
      { ...decision, candidates: null },
      { ...decision, reason: undefined },
      { ...decision, candidates: [{ ...candidate, free: "four" }] },
      { ...decision, candidates: [{ ...candidate, kind: "MAINFRAME" }] },
      { ...decision, chosen: { clusterCode: "a" } },
    ])
      expect(readStoredPlacement(stored), JSON.stringify(stored)).toBeNull();
  });
});
