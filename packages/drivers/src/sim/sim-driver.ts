import {
  DriverError,
  LAUNCH_BATCH_LINGER_MS,
  OUTPUT_AT_HAND_CHARS,
  jobNameFor,
  nodesOfRequest,
  workloadIdFromJobName,
  type BackendJob,
  type BackendJobState,
  type ComputeDriver,
  type SubmitRequest,
  type SubmitResult,
  type UsageInterval,
} from "@tessera/core";
import { secondsRun } from "@tessera/core/words";
import {
  Prisma,
  columnsOf,
  rawBatchQuery,
  rowsInOrder,
  type Database,
  type RawBatch,
} from "@tessera/db";
import { tailLines } from "../output-tail";
import { loadSimEndpointSchedule } from "./sim-endpoint-schedule";
import { advanceSimulation, simEnd, type SimJobChange, type SimJobRow } from "./sim-schedule";
import { simOutput, type SimEnding } from "./sim-output";
import { scriptEchoLines, scriptExitCode, simDurationSeconds } from "./sim-script";

type Tx = Prisma.TransactionClient;

// A burst of callers can queue for a pooled connection; an advance itself takes milliseconds.
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

export interface SimDriverOptions {
  /** Cluster.id of the simulated cluster (capacity per class from its ClusterResource rows). */
  clusterId: string;
  db: Database;
  /**
   * Submit and the readers advance the cluster at most this often per driver (default 250 ms):
   * under load every worker asks many times a second, and a quarter of a second is far below a
   * simulated job's granularity. Cancel always advances. 0 advances on every call (tests that
   * move the clock).
   */
  advanceEveryMs?: number;
}

interface SimSubmit {
  name: string;
  account: string;
  resourceClassCode: string;
  quantity: number;
  durationSeconds: number;
  walltimeSeconds: number;
  exitCode: number;
  scriptEcho: string;
  valid: boolean;
}

interface SimSubmitRow {
  ord: bigint;
  existing: string | null;
  created: string | null;
  resourceClassId: string | null;
  capacity: number | null;
}

/**
 * Submit for one or several jobs on one simulated cluster: for each, the job its workload already
 * has, what the cluster offers of the class, and the insert when there is no job yet and the
 * request can ever run. A name given twice in one batch is inserted once; both learn its id.
 */
function simSubmits(
  clusterId: string,
): RawBatch<SimSubmit, SimSubmitRow, SimSubmitRow | undefined> {
  return {
    key: `sim-submit:${clusterId}`,
    line: `sim-submit:${clusterId}`,
    lingerMs: LAUNCH_BATCH_LINGER_MS,
    statement: (items) => {
      const column = columnsOf(items);
      return Prisma.sql`
      WITH input AS (
        SELECT * FROM unnest(${column("name")}::text[], ${column("account")}::text[],
                             ${column("resourceClassCode")}::text[], ${column("quantity")}::int[],
                             ${column("durationSeconds")}::int[], ${column("walltimeSeconds")}::int[],
                             ${column("exitCode")}::int[], ${column("scriptEcho")}::text[],
                             ${column("valid")}::boolean[])
          WITH ORDINALITY AS i(name, account, "classCode", quantity, "durationSeconds",
                               "walltimeSeconds", "exitCode", "scriptEcho", valid, ord)
      ), existing AS (
        SELECT i.ord, j.id FROM input i
          JOIN "SimJob" j ON j."clusterId" = ${clusterId} AND j.name = i.name
      ), offered AS (
        SELECT i.ord, cr."resourceClassId", cr.capacity
          FROM input i
          JOIN "ResourceClass" rc ON rc.code = i."classCode"
          JOIN "ClusterResource" cr ON cr."clusterId" = ${clusterId} AND cr."resourceClassId" = rc.id
      ), inserted AS (
        INSERT INTO "SimJob" ("clusterId", name, account, "resourceClassId", quantity,
                              "durationSeconds", "walltimeSeconds", "exitCode", "scriptEcho",
                              "submittedAt")
        SELECT ${clusterId}, i.name, i.account, o."resourceClassId", i.quantity,
               i."durationSeconds", i."walltimeSeconds", i."exitCode", i."scriptEcho",
               clock_timestamp() AT TIME ZONE 'UTC'
          FROM input i JOIN offered o ON o.ord = i.ord
         WHERE i.valid AND i.quantity <= o.capacity
           AND NOT EXISTS (SELECT 1 FROM existing e WHERE e.ord = i.ord)
         ORDER BY i.ord
        ON CONFLICT ("clusterId", name) DO NOTHING
        RETURNING id, name
      )
      SELECT i.ord, (SELECT e.id::text FROM existing e WHERE e.ord = i.ord) AS existing,
             (SELECT n.id::text FROM inserted n WHERE n.name = i.name) AS created,
             o."resourceClassId", o.capacity
        FROM input i LEFT JOIN offered o ON o.ord = i.ord`;
    },
    results: (rows, items) => {
      const named = new Set<string>();
      return rowsInOrder(rows, items).map((row, i) => {
        const item = items[i]!;
        // The job made for a name asked twice is the first asker's; the second finds it.
        if (!row?.created || !named.has(item.name)) {
          named.add(item.name);
          return row;
        }
        return { ...row, existing: row.created, created: null };
      });
    },
  };
}

/** A SimJob row as the driver reads it; times are epoch milliseconds (stored as UTC). */
interface SimJobRecord {
  id: string;
  name: string;
  resourceClassId: string;
  resourceClassCode: string | null;
  quantity: number;
  durationSeconds: number;
  walltimeSeconds: number;
  exitCode: number;
  scriptEcho: string;
  state: BackendJobState;
  reason: string | null;
  submittedMs: number;
  startedMs: number | null;
  endedMs: number | null;
  outputLength: number;
}

// Times are written as `to_timestamp(ms / 1000) AT TIME ZONE 'UTC'` and read as
// `extract(epoch …)`, so the columns hold UTC whatever the session's time zone is.
/** The SELECT of SimJobRecord, with `extra` columns when a caller needs more. */
const selectJob = (extra = "") => `
  SELECT j.id::text AS id, j.name, j."resourceClassId", rc.code AS "resourceClassCode",
         j.quantity, j."durationSeconds", j."walltimeSeconds", j."exitCode", j."scriptEcho",
         j.state::text AS state,
         j.reason,
         (extract(epoch FROM j."submittedAt") * 1000)::float8 AS "submittedMs",
         (extract(epoch FROM j."startedAt") * 1000)::float8 AS "startedMs",
         (extract(epoch FROM j."endedAt") * 1000)::float8 AS "endedMs",
         length(j.output)::int AS "outputLength"${extra}
    FROM "SimJob" j
    LEFT JOIN "ResourceClass" rc ON rc.id = j."resourceClassId"`;
const SELECT_JOB = selectJob();

const ENDINGS: Record<string, SimEnding> = {
  COMPLETED: "COMPLETED",
  FAILED: "FAILED",
  TIMEOUT: "TIMEOUT",
  CANCELLED: "CANCELLED",
};

function outputOf(record: SimJobRecord, elapsedSeconds: number, ending: SimEnding | null) {
  return simOutput(
    {
      id: record.id,
      quantity: record.quantity,
      resourceClassCode: record.resourceClassCode ?? "unit",
      durationSeconds: record.durationSeconds,
      walltimeSeconds: record.walltimeSeconds,
      exitCode: record.exitCode,
      scriptEcho: record.scriptEcho,
    },
    elapsedSeconds,
    ending,
  );
}

/**
 * The simulated cluster, the embedded default: a scheduler whose whole state is the SimJob table,
 * so every worker process sees one cluster and it survives restarts. Nothing runs anywhere; the
 * state is advanced lazily whenever the driver is asked something.
 *
 * Concurrency: the only code that starts or ends jobs, `advance`, runs under a transaction-scoped
 * advisory lock per cluster, reads the cluster's open jobs after taking it, and writes every
 * change with `WHERE state = <the state it read>`. Two workers advancing at once therefore take
 * turns, and capacity can never be over-committed. Readers (describe, listActive) only try the
 * lock: when another worker is advancing they read what it is about to commit.
 */
export class SimDriver implements ComputeDriver {
  readonly kind = "SIM" as const;

  private lastAdvancedAt = Number.NEGATIVE_INFINITY;
  private readonly advanceEveryMs: number;

  private readonly submits: RawBatch<SimSubmit, SimSubmitRow, SimSubmitRow | undefined>;

  constructor(private readonly options: SimDriverOptions) {
    this.advanceEveryMs = options.advanceEveryMs ?? 250;
    this.submits = simSubmits(options.clusterId);
  }

  private get db() {
    return this.options.db;
  }

  async submit(request: SubmitRequest): Promise<SubmitResult> {
    const name = jobNameFor(request.workloadId);
    const validQuantity = Number.isInteger(request.quantity) && request.quantity >= 1;
    const validWalltime = Number.isInteger(request.walltimeSeconds) && request.walltimeSeconds >= 1;
    // The same shape a Slurm cluster takes: one node, or whole nodes of the class.
    const wholeNodes = nodesOfRequest(request) !== null;
    // Only sound numbers reach SQL; an unsound request inserts nothing and is refused below.
    const valid = validQuantity && validWalltime && wholeNodes;
    const quantity = valid ? request.quantity : 0;
    const walltimeSeconds = valid ? request.walltimeSeconds : 0;
    const durationSeconds = valid ? simDurationSeconds(request) : 0;
    // One statement: the job this workload already has, what the cluster offers of the class,
    // and the insert — made only when there is no job yet and the request can ever run. Shared
    // with the submits to this cluster that queue behind the one in progress (SUBMITS).
    const found = await rawBatchQuery(this.db, this.submits, {
      name,
      account: request.account,
      resourceClassCode: request.resourceClassCode,
      quantity,
      durationSeconds,
      walltimeSeconds,
      exitCode: scriptExitCode(request.script),
      scriptEcho: scriptEchoLines(request.script).join("\n"),
      valid,
    });
    if (found?.existing) return { externalId: found.existing, created: false };

    if (!validQuantity) {
      throw new DriverError("A job needs a whole number of units, at least one.", false);
    }
    if (!validWalltime) {
      throw new DriverError("A job needs a walltime of at least one second.", false);
    }
    if (!wholeNodes) {
      throw new DriverError(
        `A node of the simulated cluster has ${request.mapping.unitsPerNode} units of ${request.resourceClassCode}; a job of ${request.quantity} is not a whole number of nodes.`,
        false,
      );
    }
    if (!found?.resourceClassId || found.capacity === null) {
      throw new DriverError(
        `The simulated cluster does not offer ${request.resourceClassCode}.`,
        false,
      );
    }
    if (request.quantity > found.capacity) {
      throw new DriverError(
        `The simulated cluster has ${found.capacity} units of ${request.resourceClassCode}; ${request.quantity} can never run.`,
        false,
      );
    }
    const created = found.created;
    await this.advance("try");
    if (created) return { externalId: created, created: true };
    // Another worker inserted it between the look-up and the insert.
    const raced = await this.findByName(name);
    if (!raced) throw new DriverError("The simulated job vanished while it was submitted.", true);
    return { externalId: raced, created: false };
  }

  async cancel(externalId: string): Promise<void> {
    if (!/^\d+$/.test(externalId)) return;
    await this.db.$transaction(async (tx) => {
      await this.lock(tx, "wait");
      const now = await this.advanceLocked(tx);
      const rows = await tx.$queryRawUnsafe<SimJobRecord[]>(
        `${SELECT_JOB} WHERE j."clusterId" = $1 AND j.id = $2::bigint AND j.state IN ('PENDING', 'RUNNING')`,
        this.options.clusterId,
        externalId,
      );
      const job = rows[0];
      if (!job) return;
      const elapsed = job.startedMs === null ? 0 : (now - job.startedMs) / 1000;
      const output = job.startedMs === null ? "" : outputOf(job, elapsed, "CANCELLED");
      await tx.$executeRaw`
        UPDATE "SimJob"
           SET state = 'CANCELLED', reason = NULL, output = ${output},
               "endedAt" = to_timestamp(${now}::float8 / 1000) AT TIME ZONE 'UTC'
         WHERE id = ${externalId}::bigint AND state IN ('PENDING', 'RUNNING')`;
      await this.advanceLocked(tx);
    }, TX_OPTIONS);
  }

  /** The jobs' states, each with the end of its output (it is in the same row). */
  async describe(externalIds: readonly string[]): Promise<Map<string, BackendJob>> {
    const ids = [...new Set(externalIds)].filter((id) => /^\d+$/.test(id));
    const result = new Map<string, BackendJob>();
    if (ids.length === 0) return result;
    const now = await this.advance("try");
    const rows = await this.db.$queryRawUnsafe<(SimJobRecord & { outputEnd: string })[]>(
      `${selectJob(`, right(j.output, $3) AS "outputEnd"`)}
        WHERE j."clusterId" = $1 AND j.id = ANY($2::text[]::bigint[])`,
      this.options.clusterId,
      ids,
      OUTPUT_AT_HAND_CHARS,
    );
    for (const row of rows) result.set(row.id, { ...this.view(row, now), output: row.outputEnd });
    return result;
  }

  async listActive(): Promise<BackendJob[]> {
    const now = await this.advance("try");
    const rows = await this.db.$queryRawUnsafe<SimJobRecord[]>(
      `${SELECT_JOB} WHERE j."clusterId" = $1 AND j.state IN ('PENDING', 'RUNNING') ORDER BY j.id`,
      this.options.clusterId,
    );
    return rows.map((row) => this.view(row, now)).filter((job) => job.workloadId !== null);
  }

  async usage(since: Date): Promise<UsageInterval[]> {
    await this.advance("try");
    const rows = await this.db.$queryRawUnsafe<SimJobRecord[]>(
      `${SELECT_JOB} WHERE j."clusterId" = $1 AND j.state IN ('COMPLETED', 'FAILED', 'CANCELLED')
          AND j."startedAt" IS NOT NULL
          AND j."endedAt" >= to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC'
        ORDER BY j."endedAt", j.id`,
      this.options.clusterId,
      since.getTime(),
    );
    const intervals: UsageInterval[] = [];
    for (const row of rows) {
      const workloadId = workloadIdFromJobName(row.name);
      if (!workloadId || row.startedMs === null || row.endedMs === null) continue;
      const seconds = secondsRun(new Date(row.startedMs), row.endedMs);
      intervals.push({
        externalId: row.id,
        workloadId,
        start: new Date(row.startedMs),
        end: new Date(row.endedMs),
        unitSeconds: seconds * row.quantity,
      });
    }
    return intervals;
  }

  /** The simulated cluster has no accounts: every tenant may use it. */
  async ensureTenant(): Promise<void> {}

  async outputTail(externalId: string, lines: number): Promise<string | null> {
    if (!/^\d+$/.test(externalId)) return null;
    await this.advance("try");
    const rows = await this.db.$queryRaw<{ output: string }[]>`
      SELECT output FROM "SimJob"
       WHERE "clusterId" = ${this.options.clusterId} AND id = ${externalId}::bigint`;
    const row = rows[0];
    return row ? tailLines(row.output, lines) : null;
  }

  private async findByName(name: string): Promise<string | null> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM "SimJob"
       WHERE "clusterId" = ${this.options.clusterId} AND name = ${name}`;
    return rows[0]?.id ?? null;
  }

  private view(row: SimJobRecord, nowMs: number): BackendJob {
    const ended = row.state !== "PENDING" && row.state !== "RUNNING";
    let elapsedSeconds: number | null = null;
    if (row.startedMs !== null) {
      const until = ended && row.endedMs !== null ? row.endedMs : nowMs;
      elapsedSeconds = secondsRun(new Date(row.startedMs), until);
    }
    let exitCode: number | null = null;
    if (row.state === "COMPLETED") exitCode = 0;
    // A job stopped at its time limit was killed (SIGTERM), as a shell would report it: 143.
    if (row.state === "FAILED") exitCode = row.reason === "TIMEOUT" ? 143 : row.exitCode;
    return {
      externalId: row.id,
      workloadId: workloadIdFromJobName(row.name),
      state: row.state,
      reason: row.reason,
      submittedAt: new Date(row.submittedMs),
      startedAt: row.startedMs === null ? null : new Date(row.startedMs),
      endedAt: ended && row.endedMs !== null ? new Date(row.endedMs) : null,
      exitCode,
      elapsedSeconds,
    };
  }

  private async lock(tx: Tx, mode: "wait" | "try"): Promise<boolean> {
    const key = `tessera:sim:${this.options.clusterId}`;
    if (mode === "wait") {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))::text AS locked`;
      return true;
    }
    const rows = await tx.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) AS locked`;
    return rows[0]?.locked === true;
  }

  /**
   * Advances the cluster to now (see the class comment) unless this driver did so within
   * `advanceEveryMs`; returns now in epoch milliseconds (the database's clock when it advanced).
   */
  private async advance(mode: "wait" | "try"): Promise<number> {
    if (mode === "try" && Date.now() - this.lastAdvancedAt < this.advanceEveryMs) return Date.now();
    return this.db.$transaction(async (tx) => {
      // Whoever holds the lock is advancing right now: that counts for this driver too.
      const now = (await this.lock(tx, mode)) ? await this.advanceLocked(tx) : await this.clock(tx);
      this.lastAdvancedAt = Date.now();
      return now;
    }, TX_OPTIONS);
  }

  private async clock(tx: Tx): Promise<number> {
    const rows = await tx.$queryRaw<{ now: number }[]>`
      SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now`;
    return rows[0]!.now;
  }

  private async advanceLocked(tx: Tx): Promise<number> {
    // Read the clock after the lock: never behind what the previous holder wrote.
    const now = await this.clock(tx);
    const capacityRows = await tx.$queryRaw<{ resourceClassId: string; capacity: number }[]>`
      SELECT "resourceClassId", capacity FROM "ClusterResource"
       WHERE "clusterId" = ${this.options.clusterId}`;
    // Endpoint replicas the cluster runs take their units first: jobs start in what they leave.
    const endpoints = await loadSimEndpointSchedule(tx, this.options.clusterId);
    const capacity = new Map(
      capacityRows.map((row) => [
        row.resourceClassId,
        row.capacity - (endpoints.unitsByClass.get(row.resourceClassId) ?? 0),
      ]),
    );
    const open = await tx.$queryRawUnsafe<SimJobRecord[]>(
      `${SELECT_JOB} WHERE j."clusterId" = $1 AND j.state IN ('PENDING', 'RUNNING') ORDER BY j.id`,
      this.options.clusterId,
    );
    if (open.length === 0) return now;
    const rows: SimJobRow[] = open.map((job) => ({
      id: job.id,
      resourceClassId: job.resourceClassId,
      quantity: job.quantity,
      durationSeconds: job.durationSeconds,
      walltimeSeconds: job.walltimeSeconds,
      exitCode: job.exitCode,
      state: job.state as "PENDING" | "RUNNING",
      reason: job.reason,
      submittedAtMs: job.submittedMs,
      startedAtMs: job.startedMs,
    }));
    const changes = new Map(advanceSimulation(rows, capacity, now).map((c) => [c.id, c]));

    const updates: { change: SimJobChange; output: string | null }[] = [];
    for (const job of open) {
      const change = changes.get(job.id);
      const state = change?.state ?? job.state;
      const startedMs = change?.startedAtMs ?? job.startedMs;
      let output: string | null = null;
      if (startedMs !== null && state !== "PENDING") {
        const endedMs = change?.endedAtMs ?? null;
        const elapsed = ((endedMs ?? now) - startedMs) / 1000;
        const ending =
          state === "RUNNING" ? null : (ENDINGS[simEnd(job).reason ?? "COMPLETED"] ?? null);
        const text = outputOf(job, elapsed, ending);
        if (change || text.length !== job.outputLength) output = text;
      }
      if (change || output !== null) {
        updates.push({
          change: change ?? {
            id: job.id,
            from: job.state as "PENDING" | "RUNNING",
            state: job.state,
            reason: job.reason,
            startedAtMs: null,
            endedAtMs: null,
          },
          output,
        });
      }
    }
    if (updates.length === 0) return now;
    await tx.$executeRawUnsafe(
      `UPDATE "SimJob" AS j
          SET state = u.state::"SimJobState",
              reason = u.reason,
              "startedAt" = COALESCE(to_timestamp(u.started_ms / 1000) AT TIME ZONE 'UTC', j."startedAt"),
              "endedAt" = COALESCE(to_timestamp(u.ended_ms / 1000) AT TIME ZONE 'UTC', j."endedAt"),
              output = COALESCE(u.output, j.output)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[])
              AS u(id, expected, state, reason, started_ms, ended_ms, output)
        WHERE j.id = u.id::bigint AND j.state = u.expected::"SimJobState"`,
      updates.map((u) => u.change.id),
      updates.map((u) => u.change.from),
      updates.map((u) => u.change.state),
      updates.map((u) => u.change.reason),
      updates.map((u) => u.change.startedAtMs),
      updates.map((u) => u.change.endedAtMs),
      updates.map((u) => u.output),
    );
    return now;
  }
}
