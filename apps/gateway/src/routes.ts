import type { Pool } from "pg";
import {
  listCallableSharedModels,
  ROUTED_ENDPOINT_STATUSES,
} from "@tessera/core/callable-shared-models";
import type { QuotaClient } from "@tessera/core/ledger";
import {
  isSharedRoute,
  keyMayUseEndpoint,
  keyReach,
  routeRefusal,
  routesOfModel,
} from "@tessera/core/key-reach";
import { ApiError, modelNotFound } from "@tessera/openai";
import type { GatewayKey } from "./keys";
import { TokensSpent, type TokenLine } from "./leases";
import { rawClient } from "./raw-client";

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
  /** A platform endpoint, served to every organisation that holds tokens of its model's tier. */
  shared: boolean;
  /** The model's tier (a TOKENS class) and its name; null when the model is not shared. */
  tokenClassId: string | null;
  tokenClassName: string | null;
  /** The model a call may fall back to when the caller's tokens of this tier are spent. */
  fallbackModel: string | null;
}

const ROUTES_QUERY = `
  SELECT e."workloadId" AS "endpointId", e."organizationId", w."projectId", w.name, m.name AS model,
         e.url, e.status::text AS status, e."readyReplicas", e."desiredReplicas",
         c.name AS "clusterName", c.jurisdiction, w."resourceClassId", w."allocationLineId",
         w.quantity AS "unitsPerReplica", rc."powerDrawWatts", e.shared,
         m."tokenResourceClassId" AS "tokenClassId", tc.name AS "tokenClassName",
         f.name AS "fallbackModel"
    FROM "Endpoint" e
    JOIN "Workload" w ON w.id = e."workloadId"
    JOIN "Model" m ON m.id = e."modelId"
    JOIN "Cluster" c ON c.id = w."clusterId"
    JOIN "ResourceClass" rc ON rc.id = w."resourceClassId"
    LEFT JOIN "ResourceClass" tc ON tc.id = m."tokenResourceClassId"
    LEFT JOIN "Model" f ON f.id = m."fallbackModelId" AND f.active
   WHERE e.status::text = ANY($1::text[])`;

const SERVING = new Set(["READY", "DEGRADED"]);

export function isServing(route: Route): boolean {
  return SERVING.has(route.status) && route.readyReplicas > 0 && route.url !== null;
}

/** What a key may reach for one model: where to send it now, or what to wait for. */
export type Choice = (
  | { kind: "serve"; route: Route }
  /** Asleep or still coming up: wake (if asleep) and wait for one of these. */
  | { kind: "wait"; routes: Route[] }
) & {
  /** Set for the platform's shared endpoints: the calls draw on the organisation's tokens. */
  tokens: SharedTier | null;
};

export interface SharedTier {
  classId: string;
  className: string;
  fallbackModel: string | null;
}

/**
 * Every live endpoint, by organisation and model, re-read from PostgreSQL every refresh: a few
 * hundred rows, so the hot path never queries. Requests for one model spread over its serving
 * endpoints in turn.
 */
export class RouteTable {
  private byOrganization = new Map<string, Map<string, Route[]>>();
  /** The platform's shared endpoints, by model. */
  private shared = new Map<string, Route[]>();
  /** The shared models each organisation may call (core's listCallableSharedModels). */
  private callable = new Map<string, Set<string>>();
  /** Lines of tokens by organisation, then by class: those ending first first. */
  private tokenLines = new Map<string, Map<string, TokenLine[]>>();
  private turn = 0;
  private readonly sql: QuotaClient;

  constructor(private readonly db: Pool) {
    this.sql = rawClient(db);
  }

  async refresh(): Promise<void> {
    const [routes, offers] = await Promise.all([
      this.db.query<Route>({
        name: "gateway-routes",
        text: ROUTES_QUERY,
        values: [ROUTED_ENDPOINT_STATUSES],
      }),
      listCallableSharedModels(this.sql),
    ]);
    const next = new Map<string, Map<string, Route[]>>();
    const shared = new Map<string, Route[]>();
    for (const route of routes.rows) {
      if (isSharedRoute(route)) push(shared, route.model, route);
      else push(getOrMake(next, route.organizationId), route.model, route);
    }
    const callable = new Map<string, Set<string>>();
    const tokenLines = new Map<string, Map<string, TokenLine[]>>();
    const seen = new Set<string>();
    for (const offer of offers) {
      let models = callable.get(offer.organizationId);
      if (!models) callable.set(offer.organizationId, (models = new Set()));
      models.add(offer.model);
      // One row per line and model: each line once, in the rows' order (ending first first).
      if (seen.has(offer.allocationLineId)) continue;
      seen.add(offer.allocationLineId);
      push(getOrMake(tokenLines, offer.organizationId), offer.tokenClassId, {
        id: offer.allocationLineId,
        organizationId: offer.organizationId,
        resourceClassId: offer.tokenClassId,
        validTo: offer.validTo,
      });
    }
    this.byOrganization = next;
    this.shared = shared;
    this.callable = callable;
    this.tokenLines = tokenLines;
  }

  /**
   * The organisation's lines of tokens of one tier valid now, those ending first first (tokens
   * that expire soonest are spent first). 402 when it holds none.
   */
  tokenLinesFor(organizationId: string, tier: SharedTier): TokenLine[] {
    const lines = this.linesOf(organizationId, tier);
    if (lines.length === 0) {
      throw new TokensSpent(`Your organisation holds no tokens of ${tier.className}.`, null);
    }
    return lines;
  }

  /** The organisation's lines of tokens of one tier valid now (none when it holds none). */
  linesOf(organizationId: string, tier: SharedTier): TokenLine[] {
    return this.tokenLines.get(organizationId)?.get(tier.classId) ?? [];
  }

  /**
   * The endpoints a key's organisation may call for `model`: its own, else the platform's shared
   * ones. A shared model is offered to every organisation (one without tokens of its tier is
   * told so, 402); `/v1/models` lists it only to those that hold some (`models`).
   */
  private routesFor(key: GatewayKey, model: string): readonly Route[] | undefined {
    return routesOfModel(
      this.byOrganization.get(key.organizationId)?.get(model),
      this.shared.get(model),
      this.callable.get(key.organizationId)?.has(model) ?? false,
      false,
    );
  }

  /** One endpoint, by id, as last read (for waiting on a wake). */
  find(key: GatewayKey, endpointId: string): Route | undefined {
    for (const routes of this.byOrganization.get(key.organizationId)?.values() ?? []) {
      for (const route of routes) if (route.endpointId === endpointId) return route;
    }
    for (const routes of this.shared.values()) {
      for (const route of routes) if (route.endpointId === endpointId) return route;
    }
    return undefined;
  }

  /** Whether any of the endpoints an endpoint-limited key may call is live (routed to). */
  private runsAnyOf(key: GatewayKey): boolean {
    for (const id of key.allowedEndpointIds ?? []) if (this.find(key, id)) return true;
    return false;
  }

  /**
   * The models this key may call: its organisation's, within the key's scope and residency
   * (core's keyReach, the rule the portal shows each key with).
   */
  models(key: GatewayKey): string[] {
    const reach = keyReach(key, {
      own: this.byOrganization.get(key.organizationId) ?? new Map<string, Route[]>(),
      shared: this.shared,
      callable: this.callable.get(key.organizationId) ?? new Set<string>(),
    });
    return reach.models.sort();
  }

  /**
   * Where a request for `model` goes. 403 when the key is limited to endpoints none of which runs
   * any more, 404 when the organisation serves no such model (another organisation's endpoints are
   * never mentioned), 403 when the key's scope excludes it, 503
   * when every endpoint that serves it lies where the project's data may not go — never a
   * foreign fallback.
   */
  choose(key: GatewayKey, model: string): Choice {
    if (key.allowedEndpointIds && !this.runsAnyOf(key)) {
      // Whatever the model: the portal says the same of the key (core's keyReach, SCOPE).
      throw new ApiError(
        403,
        "endpoint_not_allowed",
        "None of the endpoints this API key is limited to runs any more; a new endpoint would not change that. Create a new key for the endpoints that run now.",
        "model",
      );
    }
    const all = this.routesFor(key, model);
    if (!all || all.length === 0) throw modelNotFound(model);
    if (key.allowedModels && !key.allowedModels.has(model)) {
      throw new ApiError(
        403,
        "model_not_allowed",
        `This API key may not call \`${model}\`; its scope is ${[...key.allowedModels].join(", ")}.`,
        "model",
      );
    }
    const scoped = all.filter((route) => keyMayUseEndpoint(key, route));
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
      const why = routeRefusal(key, route);
      if (why === null) allowed.push(route);
      else refusal ??= `${route.clusterName} ${why}`;
    }
    if (allowed.length === 0) {
      throw new ApiError(
        503,
        "no_endpoint_in_jurisdiction",
        key.allowedEndpointIds
          ? `The endpoints serving \`${model}\` this API key is limited to run where this project's data may not go: ${refusal}. Create a new key for endpoints on a cluster the project allows.`
          : `No endpoint serving \`${model}\` runs where this project's data may go: ${refusal}. Deploy the model on a cluster the project allows.`,
      );
    }
    const first = allowed[0]!;
    const tokens: SharedTier | null = first.shared
      ? {
          classId: first.tokenClassId!,
          className: first.tokenClassName ?? "this model's tier",
          fallbackModel: first.fallbackModel,
        }
      : null;
    const serving = allowed.filter(isServing);
    if (serving.length > 0) {
      this.turn = (this.turn + 1) % 1_000_000;
      return { kind: "serve", route: serving[this.turn % serving.length]!, tokens };
    }
    return { kind: "wait", routes: allowed, tokens };
  }
}

function getOrMake<K, V>(map: Map<K, Map<string, V[]>>, key: K): Map<string, V[]> {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map<string, V[]>();
    map.set(key, inner);
  }
  return inner;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
