import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * The Slurm tests need the development cluster of infra/slurm/up.sh. Without it they fail here,
 * loudly, with what to do — they never skip.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TESSERA_TEST_SLURM_URL ?? "http://127.0.0.1:6820";
  const keyFile = process.env.SLURM_JWT_KEY_FILE ?? "/var/spool/slurm/statesave/jwt_hs256.key";
  const hint = "Start it with `sudo bash infra/slurm/up.sh` (infra/test.sh does so when CI=true).";
  let key: Buffer;
  try {
    key = readFileSync(keyFile);
  } catch (error) {
    throw new Error(
      `The Slurm tests need the cluster's JWT key at ${keyFile}: ${(error as Error).message}. ${hint}`,
      { cause: error },
    );
  }
  const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64(
    JSON.stringify({ iat: now, exp: now + 120, sun: "root" }),
  )}`;
  const token = `${unsigned}.${createHmac("sha256", key).update(unsigned).digest("base64url")}`;
  let status: number;
  try {
    const response = await fetch(`${url}/slurm/v0.0.38/diag`, {
      headers: { "X-SLURM-USER-NAME": "root", "X-SLURM-USER-TOKEN": token },
      signal: AbortSignal.timeout(10_000),
    });
    status = response.status;
  } catch (error) {
    throw new Error(`slurmrestd at ${url} does not answer (${(error as Error).message}). ${hint}`, {
      cause: error,
    });
  }
  if (status !== 200) {
    throw new Error(`slurmrestd at ${url} answered ${status} to /slurm/v0.0.38/diag. ${hint}`);
  }
}
