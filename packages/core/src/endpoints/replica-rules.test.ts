import { describe, expect, it } from "vitest";
import { checkReplicas } from "./replica-rules";

const LIMITS = { maxReplicas: 16, maxUnitsPerReplica: 8 };
const size = (
  minReplicas: unknown,
  maxReplicas: unknown,
  replicas: unknown,
  unitsPerReplica: unknown = 1,
) => checkReplicas({ unitsPerReplica, minReplicas, maxReplicas, replicas }, LIMITS, "GPU");

describe("an endpoint's units and replicas", () => {
  it("are accepted within their bounds, and given back as they are", () => {
    expect(size(0, 2, 1, 2)).toEqual({
      shape: { unitsPerReplica: 2, minReplicas: 0, maxReplicas: 2, replicas: 1 },
      problems: [],
    });
    expect(size(16, 16, 16, 8).shape).toEqual({
      unitsPerReplica: 8,
      minReplicas: 16,
      maxReplicas: 16,
      replicas: 16,
    });
  });

  it("say a minimum above the maximum on the minimum, naming both", () => {
    expect(size(3, 2, 2)).toEqual({
      shape: null,
      problems: [
        {
          field: "minReplicas",
          message:
            "The minimum (3) is above the maximum (2). Lower the minimum or raise the maximum.",
        },
      ],
    });
  });

  it("say replicas to start with outside the minimum and maximum, or 0, on the start", () => {
    const between =
      "Enter the replicas to start with as a whole number from 1 to 2 (between the minimum and the maximum, and at least 1).";
    for (const start of [0, -1, 3, 1.5, "1", null])
      expect(size(0, 2, start).problems).toEqual([{ field: "replicas", message: between }]);
    expect(size(2, 2, 1).problems).toEqual([
      {
        field: "replicas",
        message:
          "Enter 2 as the replicas to start with (it must lie between the minimum and the maximum, and be at least 1).",
      },
    ]);
  });

  it("say each field over or under its own bounds beside it, all at once", () => {
    expect(size(-1, 17, 1, 9).problems).toEqual([
      {
        field: "unitsPerReplica",
        message: "Enter the GPUs per replica as a whole number from 1 to 8.",
      },
      { field: "minReplicas", message: "Enter the minimum replicas as a whole number, 0 or more." },
      {
        field: "maxReplicas",
        message: "Enter the maximum replicas as a whole number from 1 to 16.",
      },
    ]);
    expect(size(0, 0, 1).problems).toEqual([
      {
        field: "maxReplicas",
        message: "Enter the maximum replicas as a whole number from 1 to 16.",
      },
    ]);
    // A unit of a class not known yet is called a unit.
    expect(
      checkReplicas({ unitsPerReplica: 0, minReplicas: 0, maxReplicas: 1, replicas: 1 }, LIMITS)
        .problems,
    ).toEqual([
      {
        field: "unitsPerReplica",
        message: "Enter the units per replica as a whole number from 1 to 8.",
      },
    ]);
  });
});
