import { describe, expect, it } from "vitest";
import { DriverError } from "@tessera/core";
import type { Database } from "@tessera/db";
import { createDriver, KUBERNETES_NOT_YET } from "./create-driver";
import { SimDriver } from "./sim/sim-driver";
import { SlurmDriver } from "./slurm/slurm-driver";

const deps = {
  env: { SLURM_JWT_KEY_FILE: "/nonexistent/key", SLURM_USER_NAME: "tessera" },
  db: {} as Database,
};

describe("createDriver", () => {
  it("picks the driver by the cluster's kind", () => {
    expect(createDriver({ id: "c1", kind: "SIM", endpoint: null }, deps)).toBeInstanceOf(SimDriver);
    expect(
      createDriver({ id: "c2", kind: "SLURM", endpoint: "http://127.0.0.1:6820" }, deps),
    ).toBeInstanceOf(SlurmDriver);
  });

  it("refuses every call on Kubernetes clusters, not retryably", async () => {
    const driver = createDriver({ id: "c3", kind: "KUBERNETES", endpoint: null }, deps);
    expect(driver.kind).toBe("KUBERNETES");
    for (const call of [
      () => driver.listActive(),
      () => driver.cancel("1"),
      () => driver.describe(["1"]),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DriverError);
      expect((error as DriverError).retryable).toBe(false);
      expect((error as DriverError).message).toBe(KUBERNETES_NOT_YET);
    }
  });

  it("refuses a Slurm cluster without an endpoint", () => {
    expect(() => createDriver({ id: "c4", kind: "SLURM", endpoint: null }, deps)).toThrow(
      DriverError,
    );
  });
});
