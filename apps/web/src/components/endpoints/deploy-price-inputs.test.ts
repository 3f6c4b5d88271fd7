import { describe, expect, it } from "vitest";
import { priceInputs, typedReplicas } from "./deploy-price-inputs";

const LIMITS = { maxReplicas: 16, maxUnitsPerReplica: 8 };
const typed = (min: string, max: string, start: string, units = "1") =>
  priceInputs({ units, min, max, start }, LIMITS, "GPU");

describe("the deploy form's price box", () => {
  it("prices the units and starting replicas when they would be accepted", () => {
    expect(typed("0", "2", "1", "2")).toEqual({ units: 2, replicas: 1 });
    expect(typed("2", "4", "3")).toEqual({ units: 1, replicas: 3 });
    expect(typed("0", "16", "16", "8")).toEqual({ units: 8, replicas: 16 });
  });

  it("shows no figure for starting replicas that are empty, 0, negative or fractional, and says what to enter", () => {
    const start =
      "No price yet: enter the replicas to start with as a whole number from 1 to 2 (between the minimum and the maximum, and at least 1).";
    for (const bad of ["", "0", "-1", "1.5", "two"])
      expect(typed("0", "2", bad)).toEqual({ problem: start });
    expect(typed("0", "2", "3")).toEqual({ problem: start });
    expect(typed("2", "2", "1")).toEqual({
      problem:
        "No price yet: enter 2 as the replicas to start with (it must lie between the minimum and the maximum, and be at least 1).",
    });
  });

  it("shows no figure for a replica larger than the nodes of the clusters that serve the line", () => {
    const fours = [{ unitsPerNode: 4 }];
    const sized = (units: string) =>
      priceInputs({ units, min: "0", max: "2", start: "1" }, LIMITS, "GPU", fours);
    expect(sized("4")).toEqual({ units: 4, replicas: 1 });
    expect(sized("6")).toEqual({
      problem:
        "No price yet: a replica must fit on one node: this cluster's nodes have 4 GPUs; ask for at most 4 per replica.",
    });
    // On deploy the same sentence stands beside the units field.
    expect(
      typedReplicas({ units: "6", min: "0", max: "2", start: "1" }, LIMITS, "GPU", fours),
    ).toEqual({
      shape: null,
      problems: [
        {
          field: "unitsPerReplica",
          message:
            "A replica must fit on one node: this cluster's nodes have 4 GPUs; ask for at most 4 per replica.",
        },
      ],
    });
  });

  it("shows no figure when the minimum is above the maximum, and names both", () => {
    expect(typed("3", "2", "2")).toEqual({
      problem:
        "No price yet: the minimum (3) is above the maximum (2). Lower the minimum or raise the maximum.",
    });
  });

  it("shows no figure for a minimum, maximum or units the deploy would refuse", () => {
    expect(typed("", "2", "1")).toEqual({
      problem: "No price yet: enter the minimum replicas as a whole number, 0 or more.",
    });
    expect(typed("-1", "2", "1")).toEqual({
      problem: "No price yet: enter the minimum replicas as a whole number, 0 or more.",
    });
    for (const bad of ["", "0", "17", "2.5"])
      expect(typed("0", bad, "1")).toEqual({
        problem: "No price yet: enter the maximum replicas as a whole number from 1 to 16.",
      });
    for (const bad of ["", "0", "9", "-2", "1.5"])
      expect(typed("0", "2", "1", bad)).toEqual({
        problem: "No price yet: enter the GPUs per replica as a whole number from 1 to 8.",
      });
  });

  it("says on deploy, beside the field at fault, what the box says, as the server does", () => {
    const onDeploy = (min: string, max: string, start: string) =>
      typedReplicas({ units: "1", min, max, start }, LIMITS, "GPU").problems;
    expect(onDeploy("3", "2", "2")).toEqual([
      {
        field: "minReplicas",
        message:
          "The minimum (3) is above the maximum (2). Lower the minimum or raise the maximum.",
      },
    ]);
    expect(onDeploy("0", "2", "0")).toEqual([
      {
        field: "replicas",
        message:
          "Enter the replicas to start with as a whole number from 1 to 2 (between the minimum and the maximum, and at least 1).",
      },
    ]);
    expect(onDeploy("0", "17", "1")).toEqual([
      {
        field: "maxReplicas",
        message: "Enter the maximum replicas as a whole number from 1 to 16.",
      },
    ]);
  });
});
