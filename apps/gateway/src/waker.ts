import type { Redis } from "ioredis";
import type { Pool } from "pg";
import { ApiError } from "@tessera/openai";
import { isServing, type Route } from "./routes";

/** How often a waiting burst looks at its endpoints again. */
const POLL_MS = 250;
/** One wake request per endpoint per this long, however many requests arrive. */
const WAKE_ONCE_MS = 30_000;
/** The longest a client may ask to wait with X-Scale-Up-Timeout (seconds). */
export const MAX_SCALE_UP_TIMEOUT_SECONDS = 600;

const STATE_QUERY = `
  SELECT "workloadId" AS "endpointId", status::text AS status, "readyReplicas", "desiredReplicas", url
    FROM "Endpoint" WHERE "workloadId" = ANY($1::text[])`;

interface EndpointState {
  endpointId: string;
  status: string;
  readyReplicas: number;
  desiredReplicas: number;
  url: string | null;
}

/** Asleep: scaled to zero, or nothing wanted running. Anything else is on its way up. */
function asleep(route: Pick<Route, "status" | "desiredReplicas">): boolean {
  return route.status === "SCALED_TO_ZERO" || route.desiredReplicas === 0;
}

/**
 * Requests for endpoints that are not serving: the first request of a burst asks each sleeping
 * endpoint to wake — an outbox event the worker turns into a scale-up, written once per
 * endpoint per WAKE_ONCE_MS across every gateway process — and the whole burst waits on one
 * shared poll until an endpoint serves or the client's patience runs out.
 */
export class Waker {
  private readonly waiting = new Map<string, Promise<Route | null>>();

  constructor(
    private readonly db: Pool,
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly expectedWakeSeconds: number,
  ) {}

  async wait(model: string, routes: Route[], timeoutMs: number): Promise<Route> {
    const sleeping = routes.filter(asleep);
    await Promise.all(sleeping.map((route) => this.requestWake(route)));
    const key = routes
      .map((route) => route.endpointId)
      .sort()
      .join(",");
    let shared = this.waiting.get(key);
    if (!shared) {
      shared = this.poll(routes, Date.now() + Math.max(timeoutMs, 0)).finally(() =>
        this.waiting.delete(key),
      );
      this.waiting.set(key, shared);
    }
    // Each request keeps its own deadline, whatever the burst's first one asked for.
    const ready = await Promise.race([
      shared,
      new Promise<null>((resolve) => setTimeout(resolve, Math.max(timeoutMs, 0), null).unref()),
    ]);
    if (ready) return ready;
    const waking = sleeping.length > 0;
    const expected = new Date(Date.now() + this.expectedWakeSeconds * 1000);
    throw new ApiError(
      503,
      waking ? "endpoint_waking" : "endpoint_starting",
      `${waking ? "The endpoint serving" : "The endpoint for"} \`${model}\` ${waking ? "was scaled to zero and is waking up" : "is still starting"}; it is expected to be ready by ${expected.toISOString()} (about ${this.expectedWakeSeconds} s). Retry then, or send X-Scale-Up-Timeout (seconds, at most ${MAX_SCALE_UP_TIMEOUT_SECONDS}) to wait longer.`,
      null,
      { "retry-after": String(this.expectedWakeSeconds) },
    );
  }

  private async requestWake(route: Route): Promise<void> {
    const first = await this.redis.set(
      `${this.prefix}:gw:wake:${route.endpointId}`,
      "1",
      "PX",
      WAKE_ONCE_MS,
      "NX",
    );
    if (first !== "OK") return;
    await this.db.query({
      name: "gateway-wake",
      text: `INSERT INTO "OutboxEvent" (type, "aggregateId", payload)
             VALUES ('endpoint.wake', $1, jsonb_build_object('workloadId', $1::text))`,
      values: [route.endpointId],
    });
  }

  private async poll(routes: Route[], deadline: number): Promise<Route | null> {
    const ids = routes.map((route) => route.endpointId);
    const byId = new Map(routes.map((route) => [route.endpointId, route]));
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const { rows } = await this.db.query<EndpointState>({
        name: "gateway-endpoint-state",
        text: STATE_QUERY,
        values: [ids],
      });
      for (const row of rows) {
        const route = { ...byId.get(row.endpointId)!, ...row };
        if (isServing(route)) return route;
      }
    }
    return null;
  }
}
