import type { DataClassification } from "@tessera/db";
import { Prisma } from "@tessera/db/sql";
import { jurisdictionRefusal } from "../compute/jurisdiction";
import { LIVE_ENDPOINT_STATUSES } from "../endpoints/endpoint-rules";
import type { TenantAccess } from "../tenancy/tenant-access";
import { callableSharedModels, ROUTED_ENDPOINT_STATUSES } from "./callable-shared-models";
import {
  isSharedRoute,
  keyReach,
  type DataPlace,
  type KeyBlocked,
  type KeyReach,
  type OrganizationRoutes,
  type ReachRoute,
} from "./key-reach";

/** What judging a key's reach needs: the gateway's routes for the organisation, and its country. */
export interface KeyRoutes {
  routes: OrganizationRoutes<ReachRoute>;
  organizationCountry: string;
  /** The jurisdictions of the active clusters that serve inference endpoints (not Slurm's). */
  endpointJurisdictions: string[];
}

/**
 * What would let a key that reaches nothing call something: deploying an endpoint (of one of its
 * models, for a key limited to models); the platform's operators adding a cluster where the
 * project's data may go (none is there, so deploying would not help); or a new key, for a key
 * limited to endpoints (a new endpoint has a new id, and a key's scope never changes). Null when
 * it reaches something, or when nothing could (the project's data may go nowhere).
 */
export type KeyRemedy = "DEPLOY" | "ASK_OPERATORS" | "NEW_KEY" | null;

/**
 * A key's reach as the portal shows it: the model its example names, why it reaches nothing (if
 * so), where its project's data may go, and what would help. Which models it reaches is the
 * gateway's to list (`/v1/models`); the portal says only what it shows.
 */
export interface PortalKeyReach {
  example: string | null;
  blocked: KeyBlocked | null;
  place: DataPlace;
  remedy: KeyRemedy;
}

function byModel(routes: (ReachRoute & { model: string })[]): Map<string, ReachRoute[]> {
  const map = new Map<string, ReachRoute[]>();
  for (const route of routes) {
    const list = map.get(route.model);
    if (list) list.push(route);
    else map.set(route.model, [route]);
  }
  return map;
}

/**
 * The live endpoints the gateway would route the organisation's keys to, with their clusters'
 * jurisdictions: its own endpoints, and the platform's shared ones of the models it holds tokens
 * for (what the gateway reads on each refresh, for this organisation only).
 */
export async function loadKeyRoutes(tenant: TenantAccess): Promise<KeyRoutes> {
  const [organization, ownRows, callable, clusters] = await Promise.all([
    tenant.db.organization.findFirst({ select: { country: true } }),
    tenant.db.endpoint.findMany({
      // The endpoints the gateway routes to (ROUTED_ENDPOINT_STATUSES).
      where: { status: { in: [...LIVE_ENDPOINT_STATUSES] } },
      select: {
        workloadId: true,
        shared: true,
        model: { select: { name: true, tokenResourceClassId: true } },
        workload: { select: { cluster: { select: { name: true, jurisdiction: true } } } },
      },
      orderBy: { workloadId: "asc" },
      take: 1000,
    }),
    callableSharedModels(tenant),
    // The catalogue's clusters are the platform's, read by every member (as the deploy form does).
    tenant.db.$queryRaw<{ jurisdiction: string }[]>`
      SELECT DISTINCT "jurisdiction" FROM "Cluster"
       WHERE "active" AND "kind"::text <> 'SLURM'
       ORDER BY "jurisdiction"`,
  ]);
  const own = ownRows
    // The organisation's own shared endpoints are routed as the platform's, below.
    .filter(
      (row) => !isSharedRoute({ shared: row.shared, tokenClassId: row.model.tokenResourceClassId }),
    )
    .map((row) => ({
      endpointId: row.workloadId,
      model: row.model.name,
      clusterName: row.workload.cluster.name,
      jurisdiction: row.workload.cluster.jurisdiction,
    }));
  // The platform's shared endpoints are offered to every organisation holding tokens of their
  // tier: reading their clusters' jurisdictions tells it only what the gateway would.
  const shared =
    callable.length === 0
      ? []
      : await tenant.db.$queryRaw<ReachRoute[]>`
          SELECT e."workloadId" AS "endpointId", m."name" AS "model", c."name" AS "clusterName",
                 c."jurisdiction"
            FROM "Endpoint" e
            JOIN "Model" m ON m."id" = e."modelId"
            JOIN "Workload" w ON w."id" = e."workloadId"
            JOIN "Cluster" c ON c."id" = w."clusterId"
           WHERE e."shared" AND m."tokenResourceClassId" IS NOT NULL
             AND e."status"::text IN (${Prisma.join([...ROUTED_ENDPOINT_STATUSES])})
             AND m."name" IN (${Prisma.join(callable)})
           ORDER BY e."workloadId"`;
  return {
    routes: { own: byModel(own), shared: byModel(shared), callable: new Set(callable) },
    organizationCountry: organization?.country ?? "",
    endpointJurisdictions: clusters.map((cluster) => cluster.jurisdiction),
  };
}

type KeyScope = { allowedModels: string[]; allowedEndpointIds: string[] };
type ProjectRules = { residency: string | null; classification: DataClassification };

function rulesOf(loaded: KeyRoutes, project: ProjectRules, scope: KeyScope) {
  return {
    allowedModels: scope.allowedModels.length > 0 ? new Set(scope.allowedModels) : null,
    allowedEndpointIds:
      scope.allowedEndpointIds.length > 0 ? new Set(scope.allowedEndpointIds) : null,
    residency: project.residency,
    classification: project.classification,
    organizationCountry: loaded.organizationCountry,
  };
}

/**
 * What one key (or, with empty lists, any key) of a project can reach: core's keyReach, the rule
 * the gateway lists `/v1/models` by.
 */
export function keyReachOf(loaded: KeyRoutes, project: ProjectRules, scope: KeyScope): KeyReach {
  return keyReach(rulesOf(loaded, project, scope), loaded.routes);
}

/** What the portal shows of one key's (or, with empty lists, any key's) reach. */
export function reachOfKey(
  loaded: KeyRoutes,
  project: ProjectRules,
  scope: KeyScope,
): PortalKeyReach {
  const rules = rulesOf(loaded, project, scope);
  const { example, blocked, place } = keyReach(rules, loaded.routes);
  return { example, blocked, place, remedy: remedyOf(loaded, rules, blocked, place) };
}

function remedyOf(
  loaded: KeyRoutes,
  rules: ReturnType<typeof rulesOf>,
  blocked: KeyBlocked | null,
  place: DataPlace,
): KeyRemedy {
  if (blocked === null || place.kind === "NOWHERE") return null;
  // Limited to endpoints: deploying makes another endpoint, which the key may not call.
  if (rules.allowedEndpointIds !== null) return "NEW_KEY";
  const clusterWhereDataMayGo = loaded.endpointJurisdictions.some(
    (jurisdiction) => jurisdictionRefusal(jurisdiction, rules) === null,
  );
  return clusterWhereDataMayGo ? "DEPLOY" : "ASK_OPERATORS";
}
