import { describe, expect, it } from "vitest";
import { clustersOnHome } from "./retired-clusters";

const clusters = [
  { code: "sim", active: true },
  { code: "old-slurm", active: false },
  { code: "k8s", active: true },
  { code: "old-k8s", active: false },
];

describe("clusters on the operator's home", () => {
  it("puts retired clusters apart, behind a toggle that counts them", () => {
    const home = clustersOnHome(clusters, false);
    expect(home.active.map((c) => c.code)).toEqual(["sim", "k8s"]);
    expect(home.retired.map((c) => c.code)).toEqual(["old-slurm", "old-k8s"]);
    expect(home.toggle).toBe("Show retired clusters (2)");
  });

  it("offers to hide them again once shown, and no toggle when none is retired", () => {
    expect(clustersOnHome(clusters, true).toggle).toBe("Hide retired clusters (2)");
    expect(clustersOnHome([{ active: true }], false).toggle).toBeNull();
  });
});
