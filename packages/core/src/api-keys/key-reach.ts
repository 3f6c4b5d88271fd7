/**
 * What an API key can actually reach through the gateway: the one rule, shared by the gateway
 * (which models `/v1/models` lists, which endpoints a call may go to) and the portal (the model a
 * new key's example names, and what a key's row says it may call). Pure, and it imports only the
 * jurisdiction rule: the gateway loads it.
 */
import {
  jurisdictionRefusal,
  jurisdictionSatisfies,
  type DataRules,
} from "../compute/jurisdiction";

/** One live endpoint as far as reach is concerned. */
export interface ReachRoute {
  endpointId: string;
  model: string;
  /** The cluster it runs on, and that cluster's jurisdiction. */
  clusterName: string;
  jurisdiction: string;
}

/** A key's scope (null = anything of the organisation) and its project's data rules. */
export interface KeyReachRules extends DataRules {
  allowedModels: ReadonlySet<string> | null;
  allowedEndpointIds: ReadonlySet<string> | null;
}

/** A platform endpoint served to every organisation holding tokens of its model's tier. */
export function isSharedRoute(route: { shared: boolean; tokenClassId: string | null }): boolean {
  return route.shared && route.tokenClassId !== null;
}

/**
 * The endpoints a call of one model goes to: the organisation's own that serve it, else the
 * platform's shared ones. A shared model is offered to every organisation (one without tokens of
 * its tier is told so); `withTokensOnly` keeps it only for those that hold some.
 */
export function routesOfModel<R>(
  own: readonly R[] | undefined,
  shared: readonly R[] | undefined,
  holdsTokens: boolean,
  withTokensOnly: boolean,
): readonly R[] | undefined {
  if (own && own.length > 0) return own;
  if (!shared || shared.length === 0) return undefined;
  return !withTokensOnly || holdsTokens ? shared : undefined;
}

/** Whether the key's endpoint scope lets it call this endpoint. */
export function keyMayUseEndpoint(key: KeyReachRules, route: ReachRoute): boolean {
  return key.allowedEndpointIds === null || key.allowedEndpointIds.has(route.endpointId);
}

/** Why the key's project may not send data to this endpoint's cluster (completing "<cluster> …"), or null. */
export function routeRefusal(key: KeyReachRules, route: ReachRoute): string | null {
  return jurisdictionRefusal(route.jurisdiction, key);
}

/** The routes the gateway holds for one organisation, by model. */
export interface OrganizationRoutes<R extends ReachRoute> {
  own: ReadonlyMap<string, readonly R[]>;
  shared: ReadonlyMap<string, readonly R[]>;
  /** The shared models the organisation holds tokens for (listCallableSharedModels). */
  callable: ReadonlySet<string>;
}

/**
 * Where a project's data may be processed: anywhere, in one place (an ISO country or "EU"), or
 * nowhere (its residency excludes the organisation's own country, where restricted data stays).
 */
export type DataPlace =
  | { kind: "ANYWHERE" }
  | { kind: "IN"; place: string }
  | { kind: "NOWHERE"; residency: string; country: string };

export function dataPlace(rules: DataRules): DataPlace {
  if (rules.classification === "RESTRICTED") {
    return jurisdictionSatisfies(rules.organizationCountry, rules.residency)
      ? { kind: "IN", place: rules.organizationCountry }
      : { kind: "NOWHERE", residency: rules.residency ?? "", country: rules.organizationCountry };
  }
  return rules.residency ? { kind: "IN", place: rules.residency } : { kind: "ANYWHERE" };
}

/**
 * Why a key reaches nothing:
 * - `NONE`: the organisation serves nothing it may call, and the key is not limited;
 * - `MODELS`: the key is limited to models (not endpoints), none of which is served now — an
 *   endpoint of one of them would help, any other would not;
 * - `SCOPE`: the key is limited to endpoints, none of which runs now (deleted or failed): a new
 *   endpoint has a new id, so only changing the key's limits (or a new key) helps;
 * - `PLACE`: everything within its scope runs where the project's data may not go.
 */
export type KeyBlocked = "NONE" | "MODELS" | "SCOPE" | "PLACE";

export interface KeyReach {
  /** The models the key can call now, the organisation's own first, then shared ones. */
  models: string[];
  /** A model for the key's example: the first it is limited to that it can reach, else the first. */
  example: string | null;
  blocked: KeyBlocked | null;
  place: DataPlace;
}

/** Why a key that reaches nothing does, given whether anything within its scope runs at all. */
function blockedReason(key: KeyReachRules, inScope: boolean): KeyBlocked {
  if (inScope) return "PLACE";
  if (key.allowedEndpointIds !== null) return "SCOPE";
  return key.allowedModels !== null ? "MODELS" : "NONE";
}

/**
 * What a key can reach, as the gateway decides it for `/v1/models`: each model its scope allows,
 * routed to the organisation's own endpoints else the shared ones it holds tokens for, and kept
 * when one of those endpoints is within the key's endpoints and where the project's data may go.
 */
export function keyReach<R extends ReachRoute>(
  key: KeyReachRules,
  routes: OrganizationRoutes<R>,
): KeyReach {
  const models: string[] = [];
  let inScope = false;
  const own = [...routes.own.keys()].sort();
  const shared = [...routes.shared.keys()].filter((model) => !routes.own.has(model)).sort();
  for (const model of [...own, ...shared]) {
    const candidates = routesOfModel(
      routes.own.get(model),
      routes.shared.get(model),
      routes.callable.has(model),
      true,
    );
    if (!candidates || candidates.length === 0) continue;
    if (key.allowedModels && !key.allowedModels.has(model)) continue;
    let reached = false;
    for (const route of candidates) {
      if (!keyMayUseEndpoint(key, route)) continue;
      inScope = true;
      if (routeRefusal(key, route) === null) reached = true;
    }
    if (reached) models.push(model);
  }
  const preferred = key.allowedModels
    ? [...key.allowedModels].find((model) => models.includes(model))
    : undefined;
  return {
    models,
    example: preferred ?? models[0] ?? null,
    blocked: models.length > 0 ? null : blockedReason(key, inScope),
    place: dataPlace(key),
  };
}
