import type { Pool } from "pg";
import { jurisdictionRefusal } from "@tessera/core/jurisdiction";
import { ApiError, modelNotFound } from "@tessera/openai";
import type { GatewayKey } from "./keys";

/** One inference endpoint as the gateway routes to it. */
export interface Route {
  endpointId: string;
  organizationId: string;
  projectId: string;
  name: string;
  model: string;
  url: string | null;
  status: string;
  readyReplicas: number;
  desiredReplicas: number;
  clusterName: string;
  jurisdiction: string;
  resourceClassId: string;
  allocationLineId: string;
  /** Units of the class one replica uses, and the class's power draw per unit (W). */
  unitsPerReplica: number;
  powerDrawWatts: number;
}

const ROUTES_QUERY = `
  SELECT e."workloadId" AS "endpointId", e."organizationId", w."projectId", w.name, m.name AS model,
         e.url, e.status::text AS status, e."readyReplicas", e."desiredReplicas",
         c.name AS "clusterName", c.jurisdiction, w."resourceClassId", w."allocationLineId",
         w.quantity AS "unitsPerReplica", rc."powerDrawWatts"
    FROM "Endpoint" e
    JOIN "Workload" w ON w.id = e."workloadId"
    JOIN "Model" m ON m.id = e."modelId"
    JOIN "Cluster" c ON c.id = w."clusterId"
    JOIN "ResourceClass" rc ON rc.id = w."resourceClassId"
   WHERE e.status NOT IN ('DELETING', 'DELETED', 'FAILED')`;

const SERVING = new Set(["READY", "DEGRADED"]);

export function isServing(route: Route): boolean {
  return SERVING.has(route.status) && route.readyReplicas > 0 && route.url !== null;
}

/** What a key may reach for one model: where to send it now, or what to wait for. */
export type Choice =
  | { kind: "serve"; route: Route }
  /** Asleep or still coming up: wake (if asleep) and wait for one of these. */
  | { kind: "wait"; routes: Route[] };

/**
 * Every live endpoint, by organisation and model, re-read from PostgreSQL every refresh: a few
 * hundred rows, so the hot path never queries. Requests for one model spread over its serving
 * endpoints in turn.
 */
export class RouteTable {
  private byOrganization = new Map<string, Map<string, Route[]>>();
  private turn = 0;

  constructor(private readonly db: Pool) {}

  async refresh(): Promise<void> {
    const { rows } = await this.db.query<Route>({ name: "gateway-routes", text: ROUTES_QUERY });
    const next = new Map<string, Map<string, Route[]>>();
    for (const route of rows) {
      let models = next.get(route.organizationId);
      if (!models) {
        models = new Map<string, Route[]>();
        next.set(route.organizationId, models);
      }
      const list = models.get(route.model);
      if (list) list.push(route);
      else models.set(route.model, [route]);
    }
    this.byOrganization = next;
  }

  /** One endpoint, by id, as last read (for waiting on a wake). */
  find(key: GatewayKey, endpointId: string): Route | undefined {
    for (const routes of this.byOrganization.get(key.organizationId)?.values() ?? []) {
      for (const route of routes) if (route.endpointId === endpointId) return route;
    }
    return undefined;
  }

  /** The models this key may call: its organisation's, within the key's scope and residency. */
  models(key: GatewayKey): string[] {
    const names: string[] = [];
    for (const [model, routes] of this.byOrganization.get(key.organizationId) ?? []) {
      if (key.allowedModels && !key.allowedModels.has(model)) continue;
      if (routes.some((route) => permitted(key, route) && allowedHere(key, route) === null)) {
        names.push(model);
      }
    }
    return names.sort();
  }

  /**
   * Where a request for `model` goes. 404 when the organisation serves no such model (another
   * organisation's endpoints are never mentioned), 403 when the key's scope excludes it, 503
   * when every endpoint that serves it lies where the project's data may not go — never a
   * foreign fallback.
   */
  choose(key: GatewayKey, model: string): Choice {
    const all = this.byOrganization.get(key.organizationId)?.get(model);
    if (!all || all.length === 0) throw modelNotFound(model);
    if (key.allowedModels && !key.allowedModels.has(model)) {
      throw new ApiError(
        403,
        "model_not_allowed",
        `This API key may not call \`${model}\`; its scope is ${[...key.allowedModels].join(", ")}.`,
        "model",
      );
    }
    const scoped = all.filter((route) => permitted(key, route));
    if (scoped.length === 0) {
      throw new ApiError(
        403,
        "endpoint_not_allowed",
        `This API key may not call any endpoint that serves \`${model}\`.`,
        "model",
      );
    }
    const allowed: Route[] = [];
    let refusal: string | null = null;
    for (const route of scoped) {
      const why = allowedHere(key, route);
      if (why === null) allowed.push(route);
      else refusal ??= `${route.clusterName} ${why}`;
    }
    if (allowed.length === 0) {
      throw new ApiError(
        503,
        "no_endpoint_in_jurisdiction",
        `No endpoint serving \`${model}\` runs where this project's data may go: ${refusal}. Deploy the model on a cluster the project allows.`,
      );
    }
    const serving = allowed.filter(isServing);
    if (serving.length > 0) {
      this.turn = (this.turn + 1) % 1_000_000;
      return { kind: "serve", route: serving[this.turn % serving.length]! };
    }
    return { kind: "wait", routes: allowed };
  }
}

function permitted(key: GatewayKey, route: Route): boolean {
  return key.allowedEndpointIds === null || key.allowedEndpointIds.has(route.endpointId);
}

function allowedHere(key: GatewayKey, route: Route): string | null {
  return jurisdictionRefusal(route.jurisdiction, {
    residency: key.residency,
    classification: key.classification,
    organizationCountry: key.organizationCountry,
  });
}
