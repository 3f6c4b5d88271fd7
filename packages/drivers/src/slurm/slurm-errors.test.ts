import { describe, expect, it } from "vitest";
import { findSlurmRefusal, slurmFailure, slurmRefusalMessage } from "./slurm-errors";

describe("slurmFailure", () => {
  it("makes an invalid account a final refusal a person can read", () => {
    const error = slurmFailure("submit the job", 500, [
      { error_code: 2045, error: "Invalid account or account/partition combination specified" },
    ]);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      "Slurm refused the job: invalid account or account/partition combination",
    );
  });

  it("refuses unknown partitions and impossible node configurations", () => {
    expect(
      slurmFailure("submit the job", 500, [
        { error_code: 2000, error: "Invalid partition name specified" },
      ]).retryable,
    ).toBe(false);
    expect(
      slurmFailure("submit the job", 500, [
        { error_code: 2014, error: "Requested node configuration is not available" },
      ]).message,
    ).toBe("Slurm refused the job: requested node configuration is not available");
  });

  it("retries a 500 that is not a refusal (a bad token, a controller restarting)", () => {
    const error = slurmFailure("read job 7", 500, [
      { error_number: -1, error: "Unspecified error", description: "Unable to find JobId=7" },
    ]);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("Unable to find JobId=7");
    expect(slurmFailure("list jobs", 503, []).retryable).toBe(true);
  });

  it("does not retry a 4xx", () => {
    const error = slurmFailure("submit the job", 400, [
      { error_code: 2127, error: "environment must be set" },
    ]);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("environment must be set");
  });
});

describe("findSlurmRefusal", () => {
  it("finds a refusal among other errors and ignores the rest", () => {
    expect(findSlurmRefusal([{ error_number: -1 }, { error_number: 2045 }])?.error_number).toBe(
      2045,
    );
    expect(findSlurmRefusal([{ error_number: 2017 }])).toBeNull();
    expect(findSlurmRefusal(null)).toBeNull();
  });

  it("words a refusal without Slurm's trailing 'specified'", () => {
    expect(slurmRefusalMessage({ error: "Invalid qos specification" })).toBe(
      "Slurm refused the job: invalid qos specification",
    );
  });
});
