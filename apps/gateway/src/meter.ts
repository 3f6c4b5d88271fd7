import type { Redis } from "ioredis";
import type { Pool } from "pg";

/** One request's usage, as spooled and as written: never a prompt, never a completion. */
export interface MeteredRequest {
  /** The request id: the usage record's key, so a record written twice counts once. */
  id: string;
  organizationId: string;
  projectId: string;
  apiKeyId: string;
  endpointId: string;
  /** A platform endpoint: the record names no workload (the endpoint is not the caller's). */
  shared: boolean;
  resourceClassId: string;
  allocationLineId: string;
  /** The token lease a call to a shared model spent from. */
  quotaHoldId: string | null;
  model: string;
  tokensIn: number;
  tokensOut: number;
  /** Epoch ms. */
  startedAt: number;
  endedAt: number;
  ttftMs: number | null;
}

const GROUP = "meter";

/*
 * One statement per batch, whatever its size: json_to_recordset turns the one parameter into
 * rows (parsed once — plain json, not jsonb, as it is read once, in order), the records are
 * inserted, and the last use of keys and endpoints moves forward (the idle timer reads the
 * endpoint's) — all from the same rows. Token records of a dedicated endpoint carry no energy of
 * their own: the endpoint's replicas already carry it on their sampler records (an invoice line
 * would otherwise count it twice); the usage page divides that energy by the tokens served.
 */
export const WRITE = `
  WITH r AS MATERIALIZED (
    SELECT * FROM json_to_recordset($1::json) AS r(id text, "organizationId" text,
           "projectId" text, "apiKeyId" text, "endpointId" text, shared boolean,
           "resourceClassId" text, "allocationLineId" text, "quotaHoldId" text, model text,
           "tokensIn" bigint, "tokensOut" bigint, "startedAt" float8, "endedAt" float8,
           "ttftMs" int)
  ), written AS (
    INSERT INTO "UsageRecord" ("organizationId", source, "sourceRef", "intervalStart",
      "intervalEnd", "resourceClassId", "workloadId", "projectId", "allocationLineId", quantity,
      "unitSeconds", "tokensIn", "tokensOut", model, "apiKeyId", "energyMilliWh", "energyBasis",
      "latencyMs", "timeToFirstTokenMs", "quotaHoldId")
    SELECT r."organizationId", 'GATEWAY_TOKENS', r.id,
           to_timestamp(r."startedAt" / 1000.0) AT TIME ZONE 'UTC',
           to_timestamp(r."endedAt" / 1000.0) AT TIME ZONE 'UTC',
           r."resourceClassId", CASE WHEN r.shared THEN NULL ELSE r."endpointId" END,
           r."projectId", r."allocationLineId", 0, 0,
           r."tokensIn", r."tokensOut", r.model, r."apiKeyId", 0, 'ESTIMATED',
           least(r."endedAt" - r."startedAt", 2147483647)::int, r."ttftMs", r."quotaHoldId"
      FROM r
     -- In the order invoice finalisation takes organisations' invoice locks, so never a deadlock.
     ORDER BY hashtext(r."organizationId"), r.id
    ON CONFLICT (source, "sourceRef", "intervalStart") DO NOTHING
  ), keys AS (
    UPDATE "ApiKey" k SET "lastUsedAt" = u.at
      FROM (SELECT "apiKeyId", to_timestamp(max("endedAt") / 1000.0) AT TIME ZONE 'UTC' AS at
              FROM r GROUP BY 1) u
     WHERE k.id = u."apiKeyId" AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" < u.at)
  )
  UPDATE "Endpoint" e SET "lastRequestAt" = u.at
    FROM (SELECT "endpointId", to_timestamp(max("endedAt") / 1000.0) AT TIME ZONE 'UTC' AS at
            FROM r GROUP BY 1) u
   WHERE e."workloadId" = u."endpointId" AND (e."lastRequestAt" IS NULL OR e."lastRequestAt" < u.at)`;

/**
 * Metering in two halves. `spool` appends a request's record to a Redis stream and resolves once
 * Redis has it; the proxy holds the client's last byte until then, so a record is never lost
 * once the client has its answer. Spooling is a group commit: while one append is on its way,
 * the records of the requests finishing meanwhile wait and go together as the next entry (a
 * JSON array under the field `b`; an entry of one record, field `r`, is read too), so under load
 * a Redis round trip carries many records. `run` drains the stream into PostgreSQL in batches
 * (one INSERT … ON CONFLICT DO NOTHING each, at most one per `flushMs` so that the batches are
 * large) and only then acknowledges; entries a killed process left unacknowledged are claimed by
 * another after `claimIdleMs`. The request id is the record's key, so writing a batch again
 * never counts twice.
 */
export class Meter {
  private readonly stream: string;
  private stopped = false;
  private running: Promise<void> | null = null;
  /** Records waiting for the append in flight to finish, and whether one is. */
  private waiting: { json: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private appending = false;

  constructor(
    private readonly redis: Redis,
    /** A connection of its own: XREADGROUP blocks it. */
    private readonly reader: Redis,
    private readonly db: Pool,
    prefix: string,
    private readonly consumer: string,
    private readonly batch: number,
    private readonly flushMs: number,
    /** A spooled record no process has written after this long is taken over by another. */
    private readonly claimIdleMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.stream = `${prefix}:gw:usage`;
  }

  spool(record: MeteredRequest): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ json: JSON.stringify(record), resolve, reject });
      if (!this.appending && this.waiting.length === 1) setImmediate(() => void this.append());
    });
  }

  /** Appends every waiting record as one entry; those arriving meanwhile form the next one. */
  private async append(): Promise<void> {
    if (this.appending || this.waiting.length === 0) return;
    this.appending = true;
    const group = this.waiting;
    this.waiting = [];
    try {
      if (group.length === 1) await this.redis.xadd(this.stream, "*", "r", group[0]!.json);
      else await this.redis.xadd(this.stream, "*", "b", `[${group.map((r) => r.json).join(",")}]`);
      for (const waiting of group) waiting.resolve();
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    } finally {
      this.appending = false;
      if (this.waiting.length > 0) void this.append();
    }
  }

  start(): void {
    this.running ??= this.loop();
  }

  /** Stops taking new batches, writes the one in hand, and returns. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    await this.reader
      .xgroup("CREATE", this.stream, GROUP, "0", "MKSTREAM")
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message.includes("BUSYGROUP"))) throw error;
      });
    let lastClaim = 0;
    let lastWrite = 0;
    while (!this.stopped) {
      try {
        // At most one batch per flushMs: under load each batch carries what came meanwhile.
        const wait = lastWrite + this.flushMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (Date.now() - lastClaim > this.claimIdleMs / 3) {
          lastClaim = Date.now();
          await this.claimAbandoned();
        }
        const answer = (await this.reader.xreadgroup(
          "GROUP",
          GROUP,
          this.consumer,
          "COUNT",
          this.batch,
          "BLOCK",
          this.flushMs,
          "STREAMS",
          this.stream,
          ">",
        )) as [string, [string, string[]][]][] | null;
        const entries = answer?.[0]?.[1];
        if (entries && entries.length > 0) {
          lastWrite = Date.now();
          await this.write(entries);
        }
      } catch (error) {
        this.onError(error);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  private async claimAbandoned(): Promise<void> {
    let cursor = "0-0";
    do {
      const [next, entries] = (await this.reader.xautoclaim(
        this.stream,
        GROUP,
        this.consumer,
        this.claimIdleMs,
        cursor,
        "COUNT",
        this.batch,
      )) as [string, [string, string[] | null][]];
      const live = entries.filter((entry): entry is [string, string[]] => entry[1] !== null);
      if (live.length > 0) await this.write(live);
      cursor = next;
    } while (cursor !== "0-0" && !this.stopped);
  }

  private async write(entries: [string, string[]][]): Promise<void> {
    const parts = entries.map(([, fields]) => {
      const batch = fields.indexOf("b");
      // A group's array without its brackets: records joined by commas, as one record is.
      if (batch >= 0 && batch % 2 === 0) return (fields[batch + 1] ?? "[null]").slice(1, -1);
      return fields[fields.indexOf("r") + 1] ?? "null";
    });
    try {
      await this.insert(parts);
    } catch (error) {
      // Data that PostgreSQL refuses (class 22, 23) must not hold up the rest: write the records
      // one by one and set the refused ones aside, with the reason, on a dead-letter stream.
      if (!isDataError(error)) throw error;
      const records = parts.flatMap((part) => splitRecords(part));
      for (const record of records) {
        try {
          await this.insert([record]);
        } catch (single) {
          if (!isDataError(single)) throw single;
          await this.reader.xadd(`${this.stream}:dead`, "*", "r", record, "error", String(single));
          this.onError(single);
        }
      }
    }
    const ids = entries.map(([id]) => id);
    await this.reader
      .multi()
      .xack(this.stream, GROUP, ...ids)
      .xdel(this.stream, ...ids)
      .exec();
  }

  private async insert(records: string[]): Promise<void> {
    const json = `[${records.join(",")}]`;
    // One statement is one transaction: the records and the stamps commit together or not at all.
    await this.db.query({ name: "gateway-meter-write", text: WRITE, values: [json] });
  }
}

/** The records of one entry's text, each as its own JSON (for the record-by-record retry). */
function splitRecords(part: string): string[] {
  try {
    const value = JSON.parse(`[${part}]`) as unknown[];
    return value.map((record) => JSON.stringify(record));
  } catch {
    return [part];
  }
}

function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("23"));
}
