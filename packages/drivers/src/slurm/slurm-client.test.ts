import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DriverError } from "@tessera/core";
import { SlurmTokenSource } from "./jwt";
import { liveJobsResponseSchema } from "./schemas";
import { SlurmClient } from "./slurm-client";

const dir = mkdtempSync(join(tmpdir(), "tessera-client-"));
const keyFile = join(dir, "jwt.key");
writeFileSync(keyFile, "k".repeat(32));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Seen {
  url: string;
  headers: Record<string, string>;
}

/** A client over a scripted fetch; `answers` are served in order. */
function clientWith(answers: (() => Response)[]) {
  const seen: Seen[] = [];
  let now = 1_800_000_000_000;
  const tokens = new SlurmTokenSource({ keyFile, userName: "tessera", now: () => now });
  const fetchImpl: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    seen.push({ url, headers: { ...(init?.headers as Record<string, string>) } });
    const answer = answers.shift();
    if (!answer) throw new Error("no more answers");
    return Promise.resolve(answer());
  };
  const client = new SlurmClient({
    baseUrl: "http://slurm.test:6820/",
    tokens,
    fetch: fetchImpl,
  });
  return { client, seen, tick: (ms: number) => (now += ms) };
}

const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

async function failure(call: Promise<unknown>): Promise<DriverError> {
  const error = await call.catch((caught: unknown) => caught);
  if (error instanceof DriverError) return error;
  throw new Error(`expected a DriverError, got ${String(error)}`);
}

describe("SlurmClient", () => {
  it("sends the user and a cached token, and parses the answer", async () => {
    const { client, seen } = clientWith([
      json(200, { errors: [], jobs: [{ job_id: 7, name: "tessera-abcdefgh1", extra: true }] }),
      json(200, { jobs: [] }),
    ]);
    const first = await client.request("GET", "/slurm/v0.0.38/jobs", liveJobsResponseSchema);
    expect(first.status).toBe(200);
    expect(first.body.jobs?.[0]).toMatchObject({ job_id: 7, extra: true });
    await client.request("GET", "/slurm/v0.0.38/job/7", liveJobsResponseSchema, {
      query: { a: "b c" },
    });
    expect(seen[0]!.url).toBe("http://slurm.test:6820/slurm/v0.0.38/jobs");
    expect(seen[1]!.url).toBe("http://slurm.test:6820/slurm/v0.0.38/job/7?a=b+c");
    expect(seen[0]!.headers["X-SLURM-USER-NAME"]).toBe("tessera");
    expect(seen[0]!.headers["X-SLURM-USER-TOKEN"]).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(seen[1]!.headers["X-SLURM-USER-TOKEN"]).toBe(seen[0]!.headers["X-SLURM-USER-TOKEN"]);
  });

  it("mints a new token after an anonymous 500 (a rejected token), not after a Slurm error", async () => {
    const { client, seen, tick } = clientWith([
      json(500, { errors: [{ error_number: 2017, error: "Invalid job id specified" }], jobs: [] }),
      json(200, { jobs: [] }),
      json(500, { errors: [{ error_number: -1, error: "Unspecified error" }], jobs: [] }),
      json(200, { jobs: [] }),
    ]);
    const unknown = await client.request("GET", "/slurm/v0.0.38/job/1", liveJobsResponseSchema);
    expect(unknown.status).toBe(500);
    expect(unknown.errors[0]?.error_number).toBe(2017);
    tick(1000);
    await client.request("GET", "/slurm/v0.0.38/job/1", liveJobsResponseSchema);
    expect(seen[1]!.headers["X-SLURM-USER-TOKEN"]).toBe(seen[0]!.headers["X-SLURM-USER-TOKEN"]);
    await client.request("GET", "/slurm/v0.0.38/job/1", liveJobsResponseSchema);
    tick(1000);
    await client.request("GET", "/slurm/v0.0.38/job/1", liveJobsResponseSchema);
    expect(seen[3]!.headers["X-SLURM-USER-TOKEN"]).not.toBe(seen[2]!.headers["X-SLURM-USER-TOKEN"]);
  });

  it("makes network failures retryable", async () => {
    const { client } = clientWith([
      () => {
        throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
      },
    ]);
    const error = await failure(
      client.request("GET", "/slurm/v0.0.38/jobs", liveJobsResponseSchema),
    );
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("does not retry an unparsable query, but retries an answer of the wrong shape", async () => {
    const { client } = clientWith([
      () => new Response("Unable to parse query.", { status: 400 }),
      json(200, { jobs: [{ job_id: "seven" }] }),
    ]);
    const rejected = await failure(
      client.request("GET", "/slurmdb/v0.0.38/jobs", liveJobsResponseSchema),
    );
    expect(rejected.retryable).toBe(false);
    expect(rejected.message).toContain("Unable to parse query.");
    const malformed = await failure(
      client.request("GET", "/slurm/v0.0.38/jobs", liveJobsResponseSchema),
    );
    expect(malformed.retryable).toBe(true);
    expect(malformed.message).toContain("jobs.0.job_id");
  });
});
