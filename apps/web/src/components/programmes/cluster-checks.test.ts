import { describe, expect, it } from "vitest";
import { clusterProblems, jurisdictionOptions } from "./cluster-checks";

const good = {
  code: "edge-1",
  name: "Edge",
  region: "eu",
  jurisdiction: "DE",
  endpoint: "https://slurm.example:6820",
};
const create = { existing: false, kind: "SLURM" as const };

describe("clusterProblems", () => {
  it("takes a good cluster", () => {
    expect(clusterProblems(good, create)).toEqual([]);
  });

  it("names every problem of the walk's bad registration at once, in the form's order", () => {
    expect(
      clusterProblems(
        {
          code: "edge-ü",
          name: "",
          region: "r".repeat(500),
          jurisdiction: "Germany",
          endpoint: "javascript:alert(1)",
        },
        create,
      ).map(([field]) => field),
    ).toEqual(["code", "name", "region", "jurisdiction", "endpoint"]);
  });

  it("refuses a jurisdiction that is not in the list, however it is written", () => {
    expect(clusterProblems({ ...good, jurisdiction: "" }, create)).toEqual([
      ["jurisdiction", "Choose a jurisdiction: a country, or EU."],
    ]);
    // Only a stored value can come back unknown from the list (a cluster a script registered).
    for (const jurisdiction of ["Ge", "GERMANY", "de", "XX", "UK"]) {
      expect(clusterProblems({ ...good, jurisdiction }, create)).toEqual([
        [
          "jurisdiction",
          `${jurisdiction} is not a jurisdiction Tessera knows: choose the country, or EU, where this cluster's data is processed.`,
        ],
      ]);
    }
  });

  it("says what is wrong with an endpoint, by the cluster's kind", () => {
    expect(clusterProblems({ ...good, endpoint: "ftp://x.example" }, create)).toEqual([
      [
        "endpoint",
        "Enter the endpoint as an http:// or https:// address, for example https://slurm.example:6820.",
      ],
    ]);
    expect(
      clusterProblems(
        { ...good, endpoint: "http://k8s.example:6443" },
        { existing: true, kind: "KUBERNETES" },
      ),
    ).toEqual([
      [
        "endpoint",
        "A Kubernetes API server is reached over https://, for example https://k8s.example:6443.",
      ],
    ]);
  });

  it("checks no code on an edit", () => {
    expect(clusterProblems({ ...good, code: "" }, { existing: true, kind: "SLURM" })).toEqual([]);
  });
});

describe("jurisdictionOptions", () => {
  it("offers EU first, then each country by its name, with its code", () => {
    const options = jurisdictionOptions();
    expect(options[0]).toEqual({ value: "EU", label: "European Union (EU)" });
    expect(options).toContainEqual({ value: "DE", label: "Germany (DE)" });
    expect(options).toContainEqual({ value: "GE", label: "Georgia (GE)" });
    expect(options).toHaveLength(250);
    const labels = options.slice(1).map((option) => option.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en")));
    // Typing a name finds that country: the first entry starting "Germ" is Germany.
    expect(options.find((option) => option.label.startsWith("Germ"))?.value).toBe("DE");
  });
});
