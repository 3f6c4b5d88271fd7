import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DriverError } from "@tessera/core";

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/**
 * Pure: an HS256 token slurmrestd's JWT plugin accepts — signed with the raw bytes of the
 * cluster's key, claims `{iat, exp, sun}` (sun = the Slurm user the request acts as).
 */
export function mintSlurmToken(
  key: Buffer,
  userName: string,
  issuedAtSeconds: number,
  lifetimeSeconds: number,
): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = base64url(
    JSON.stringify({
      iat: issuedAtSeconds,
      exp: issuedAtSeconds + lifetimeSeconds,
      sun: userName,
    }),
  );
  const signature = createHmac("sha256", key).update(`${header}.${claims}`).digest("base64url");
  return `${header}.${claims}.${signature}`;
}

export interface SlurmTokenSourceOptions {
  keyFile: string;
  userName: string;
  /** Token lifetime; a fresh one is minted when less than `renewBeforeSeconds` is left. */
  lifetimeSeconds?: number;
  renewBeforeSeconds?: number;
  now?: () => number;
}

/**
 * Mints tokens for one Slurm user and keeps the current one until it is close to expiry. The key
 * file is read again for every new token, so a rotated key is picked up without a restart.
 */
export class SlurmTokenSource {
  private current: { token: string; expiresAtMs: number } | null = null;
  private readonly lifetimeSeconds: number;
  private readonly renewBeforeSeconds: number;
  private readonly now: () => number;

  constructor(private readonly options: SlurmTokenSourceOptions) {
    this.lifetimeSeconds = options.lifetimeSeconds ?? 900;
    this.renewBeforeSeconds = options.renewBeforeSeconds ?? 60;
    this.now = options.now ?? Date.now;
  }

  get userName(): string {
    return this.options.userName;
  }

  async token(): Promise<string> {
    const nowMs = this.now();
    if (this.current && this.current.expiresAtMs - this.renewBeforeSeconds * 1000 > nowMs) {
      return this.current.token;
    }
    let key: Buffer;
    try {
      key = await readFile(this.options.keyFile);
    } catch (error) {
      // The worker's set-up, not the tenant's request, is wrong: retrying after an operator fixes
      // it helps, so this is retryable (the job dead-letters rather than refusing the workload).
      throw new DriverError(
        `Cannot read the Slurm JWT key ${this.options.keyFile}: ${(error as Error).message}`,
        true,
      );
    }
    if (key.length === 0) {
      throw new DriverError(`The Slurm JWT key ${this.options.keyFile} is empty.`, true);
    }
    const issuedAt = Math.floor(nowMs / 1000);
    const token = mintSlurmToken(key, this.options.userName, issuedAt, this.lifetimeSeconds);
    this.current = { token, expiresAtMs: (issuedAt + this.lifetimeSeconds) * 1000 };
    return token;
  }

  /** Forgets the cached token (after slurmrestd rejected it, e.g. because the key rotated). */
  invalidate(): void {
    this.current = null;
  }
}
