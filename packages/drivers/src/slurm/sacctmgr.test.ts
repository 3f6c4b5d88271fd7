import { describe, expect, it } from "vitest";
import { DriverError } from "@tessera/core";
import type { CommandRunner } from "./command-runner";
import {
  ensureSlurmAccount,
  gpuLimitFromGrpTres,
  parseAssociations,
  tenantAccountState,
} from "./sacctmgr";

/** A scripted sacctmgr over an in-memory association table. */
function fakeSacctmgr(initial: { account: string; user: string; grpTres: string }[] = []) {
  const rows = [...initial];
  const calls: string[][] = [];
  const run: CommandRunner = (file, args) => {
    calls.push([file, ...args]);
    if (file !== "sacctmgr") return Promise.reject(new Error(`unexpected ${file}`));
    const [flag, verb, what, ...rest] = args;
    if (flag === "-n" && verb === "-P" && what === "list") {
      const account = rest.find((arg) => arg.startsWith("account="))!.slice(8);
      const stdout = rows
        .filter((row) => row.account === account)
        .map((row) => `${row.account}|${row.user}|${row.grpTres}\n`)
        .join("");
      return Promise.resolve({ stdout, stderr: "" });
    }
    if (flag !== "-i") return Promise.reject(new Error(`unexpected ${args.join(" ")}`));
    if (verb === "add" && what === "account") {
      const name = rest[0]!;
      const grpTres = rest.find((arg) => arg.startsWith("GrpTRES="))?.slice(8) ?? "";
      rows.push({ account: name, user: "", grpTres });
    } else if (verb === "modify" && what === "account") {
      const name = rest.find((arg) => arg.startsWith("name="))!.slice(5);
      const grpTres = rest.find((arg) => arg.startsWith("GrpTRES="))!.slice(8);
      for (const row of rows) if (row.account === name && row.user === "") row.grpTres = grpTres;
    } else if (verb === "add" && what === "user") {
      const account = rest.find((arg) => arg.startsWith("account="))!.slice(8);
      rows.push({ account, user: rest[0]!, grpTres: "" });
    }
    return Promise.resolve({ stdout: "", stderr: "" });
  };
  const changes = () => calls.filter((call) => call[1] === "-i");
  return { run, rows, calls, changes };
}

describe("ensureSlurmAccount", () => {
  it("creates the account under tessera with the GPU limit and associates the user", async () => {
    const fake = fakeSacctmgr();
    await ensureSlurmAccount(fake.run, { accountName: "t_lumen", gpuLimit: 4 }, "tessera");
    expect(fake.rows).toEqual([
      { account: "t_lumen", user: "", grpTres: "gres/gpu=4" },
      { account: "t_lumen", user: "tessera", grpTres: "" },
    ]);
    const add = fake.changes()[0]!;
    expect(add).toContain("parent=tessera");
    expect(add).toContain("GrpTRES=gres/gpu=4");
  });

  it("changes nothing when the account already matches", async () => {
    const fake = fakeSacctmgr([
      { account: "t_lumen", user: "", grpTres: "gres/gpu=4" },
      { account: "t_lumen", user: "tessera", grpTres: "" },
    ]);
    await ensureSlurmAccount(fake.run, { accountName: "t_lumen", gpuLimit: 4 }, "tessera");
    expect(fake.changes()).toEqual([]);
  });

  it("converges a changed limit and a missing user association", async () => {
    const fake = fakeSacctmgr([{ account: "t_lumen", user: "", grpTres: "cpu=8,gres/gpu=4" }]);
    await ensureSlurmAccount(fake.run, { accountName: "t_lumen", gpuLimit: 1 }, "tessera");
    expect(fake.changes().map((call) => call.slice(2, 4))).toEqual([
      ["modify", "account"],
      ["add", "user"],
    ]);
    expect(tenantAccountState(fake.rows, "t_lumen", "tessera")).toEqual({
      accountExists: true,
      gpuLimit: 1,
      userAssociated: true,
    });
  });

  it("fails retryably when the account does not converge", async () => {
    const run: CommandRunner = (_file, args) =>
      args[0] === "-i"
        ? Promise.reject(
            Object.assign(new Error("exit 1"), { code: 1, stderr: "Nothing new added" }),
          )
        : Promise.resolve({ stdout: "", stderr: "" });
    const error = await ensureSlurmAccount(
      run,
      { accountName: "t_x", gpuLimit: 1 },
      "tessera",
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DriverError);
    expect((error as DriverError).retryable).toBe(true);
    expect((error as DriverError).message).toContain("did not converge");
  });

  it("says so when sacctmgr is not installed", async () => {
    const run: CommandRunner = () =>
      Promise.reject(Object.assign(new Error("spawn sacctmgr ENOENT"), { code: "ENOENT" }));
    const error = await ensureSlurmAccount(
      run,
      { accountName: "t_x", gpuLimit: 1 },
      "tessera",
    ).catch((caught: unknown) => caught);
    expect((error as DriverError).message).toContain("sacctmgr is not installed");
  });

  it("refuses names that are not account names before running anything", async () => {
    const fake = fakeSacctmgr();
    for (const accountName of ["-i", "t x", "t=x", "T_UPPER", ""]) {
      const error = await ensureSlurmAccount(
        fake.run,
        { accountName, gpuLimit: 1 },
        "tessera",
      ).catch((caught: unknown) => caught);
      expect((error as DriverError).retryable).toBe(false);
    }
    const negative = await ensureSlurmAccount(
      fake.run,
      { accountName: "t_ok", gpuLimit: -1 },
      "tessera",
    ).catch((caught: unknown) => caught);
    expect((negative as DriverError).retryable).toBe(false);
    expect(fake.calls).toEqual([]);
  });
});

describe("parsing sacctmgr", () => {
  it("reads association rows and the GPU limit", () => {
    expect(parseAssociations("t_a||gres/gpu=2\nt_a|tessera|\n\n")).toEqual([
      { account: "t_a", user: "", grpTres: "gres/gpu=2" },
      { account: "t_a", user: "tessera", grpTres: "" },
    ]);
    expect(gpuLimitFromGrpTres("cpu=4,gres/gpu=2")).toBe(2);
    expect(gpuLimitFromGrpTres("gres/gpu:h100=2")).toBeNull();
    expect(gpuLimitFromGrpTres("")).toBeNull();
  });
});
