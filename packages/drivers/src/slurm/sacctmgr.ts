import { DriverError, type TenantAccountSpec } from "@tessera/core";
import type { CommandError, CommandRunner } from "./command-runner";

/** The account every Tessera tenant account hangs under (infra/slurm/up.sh creates it). */
export const TESSERA_PARENT_ACCOUNT = "tessera";

const ACCOUNT_NAME = /^[a-z0-9_]{1,64}$/;
const USER_NAME = /^[a-z_][a-z0-9_.-]{0,63}$/i;

export interface AssociationRow {
  account: string;
  /** Empty for the account's own association. */
  user: string;
  grpTres: string;
}

/** Pure: `sacctmgr -n -P list associations format=Account,User,GrpTRES` → rows. */
export function parseAssociations(stdout: string): AssociationRow[] {
  return stdout
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [account = "", user = "", grpTres = ""] = line.split("|");
      return { account, user, grpTres };
    });
}

/** Pure: the GPU limit in a GrpTRES list ("cpu=4,gres/gpu=2" → 2), or null when there is none. */
export function gpuLimitFromGrpTres(grpTres: string): number | null {
  for (const item of grpTres.split(",")) {
    const match = /^gres\/gpu=(\d+)$/.exec(item.trim());
    if (match) return Number(match[1]);
  }
  return null;
}

export interface TenantAccountState {
  accountExists: boolean;
  gpuLimit: number | null;
  userAssociated: boolean;
}

/** Pure: what the rows say about the tenant's account and the submitting user's association. */
export function tenantAccountState(
  rows: readonly AssociationRow[],
  accountName: string,
  userName: string,
): TenantAccountState {
  const own = rows.find((row) => row.account === accountName && row.user === "");
  return {
    accountExists: own !== undefined,
    gpuLimit: own ? gpuLimitFromGrpTres(own.grpTres) : null,
    userAssociated: rows.some((row) => row.account === accountName && row.user === userName),
  };
}

function commandFailure(error: unknown): DriverError {
  const failure = error as CommandError;
  if (failure.code === "ENOENT") {
    return new DriverError(
      "sacctmgr is not installed on this worker host; tenant accounts on Slurm are made with it (install slurm-client and run the worker where it can reach slurmdbd).",
      true,
    );
  }
  const output = `${failure.stderr ?? ""} ${failure.stdout ?? ""}`.trim().slice(0, 500);
  return new DriverError(`sacctmgr failed: ${output || failure.message}`, true);
}

/**
 * Makes the tenant's Slurm account (under `tessera`) with `GrpTRES=gres/gpu=<gpuLimit>` and the
 * submitting user's association with it, converging on repeat: a changed limit is modified, what
 * exists is left alone. Runs `sacctmgr` directly (slurmrestd 22.05 crashes on association
 * POSTs); the worker must run as a Slurm administrator (root on the development cluster).
 */
export async function ensureSlurmAccount(
  run: CommandRunner,
  tenant: TenantAccountSpec,
  userName: string,
): Promise<void> {
  const { accountName, gpuLimit } = tenant;
  if (!ACCOUNT_NAME.test(accountName)) {
    throw new DriverError(
      `"${accountName}" is not a valid Slurm account name (lowercase letters, digits and underscores, at most 64).`,
      false,
    );
  }
  if (!Number.isInteger(gpuLimit) || gpuLimit < 0) {
    throw new DriverError(`The GPU limit must be a whole number of GPUs, not ${gpuLimit}.`, false);
  }
  if (!USER_NAME.test(userName)) {
    throw new DriverError(`"${userName}" is not a valid Slurm user name.`, false);
  }

  const sacctmgr = async (args: string[]) => {
    try {
      return (await run("sacctmgr", args)).stdout;
    } catch (error) {
      throw commandFailure(error);
    }
  };
  const readState = async () =>
    tenantAccountState(
      parseAssociations(
        await sacctmgr([
          "-n",
          "-P",
          "list",
          "associations",
          `account=${accountName}`,
          "format=Account,User,GrpTRES",
        ]),
      ),
      accountName,
      userName,
    );

  const grpTres = `GrpTRES=gres/gpu=${gpuLimit}`;
  let state = await readState();
  // `-i` commits without asking. A step another worker completed first fails with "Nothing new
  // added" or "already exists"; the state read at the end decides.
  const failures: string[] = [];
  const attempt = async (args: string[]) => {
    try {
      await sacctmgr(["-i", ...args]);
    } catch (error) {
      failures.push((error as Error).message);
    }
  };
  if (!state.accountExists) {
    await attempt([
      "add",
      "account",
      accountName,
      `parent=${TESSERA_PARENT_ACCOUNT}`,
      `description=Tessera tenant ${accountName}`,
      `organization=${TESSERA_PARENT_ACCOUNT}`,
      grpTres,
    ]);
    state = await readState();
  }
  if (state.accountExists && state.gpuLimit !== gpuLimit) {
    await attempt(["modify", "account", "where", `name=${accountName}`, "set", grpTres]);
  }
  if (state.accountExists && !state.userAssociated) {
    await attempt(["add", "user", userName, `account=${accountName}`]);
  }

  const final = await readState();
  if (!final.accountExists || final.gpuLimit !== gpuLimit || !final.userAssociated) {
    throw new DriverError(
      `The Slurm account ${accountName} did not converge (exists: ${final.accountExists}, GPU limit: ${final.gpuLimit ?? "none"}, user ${userName} associated: ${final.userAssociated})${failures.map((failure) => `; ${failure}`).join("")}.`,
      true,
    );
  }
}
