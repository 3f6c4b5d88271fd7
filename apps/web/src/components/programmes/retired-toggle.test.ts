import { describe, expect, it } from "vitest";
import { retiredClustersToggle } from "./retired-toggle";

describe("the catalogue's retired clusters toggle", () => {
  it("offers to show the retired clusters, counted, keeping the classes' own filter", () => {
    expect(
      retiredClustersToggle(
        "/operator/catalogue",
        { retired: "show", clusters: "hpc-a" },
        false,
        3,
      ),
    ).toEqual({
      href: "/operator/catalogue?retired=show&retiredClusters=show",
      label: "Show retired clusters (3)",
    });
  });

  it("hides them again from the first page, and says nothing when none are retired", () => {
    expect(
      retiredClustersToggle("/operator/catalogue", { retiredClusters: "show" }, true, 1),
    ).toEqual({ href: "/operator/catalogue", label: "Hide retired clusters (1)" });
    expect(retiredClustersToggle("/operator/catalogue", {}, false, 0)).toBeNull();
  });
});
