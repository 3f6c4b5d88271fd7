import type { ApiKey, TenantDatabase } from "@tessera/db";
import type { Actor } from "../actor";
import { roleMay } from "../tenancy/permissions";
import type { TenantAccess } from "../tenancy/tenant-access";
import { apiKeyPrefix } from "./api-key-format";
import { apiKeyStatus, type ApiKeyStatus } from "./api-key-rules";
import { loadKeyRoutes, reachOfKey, type PortalKeyReach } from "./load-key-routes";

/** The columns a key is read with: never the secret's hash, current or previous. */
export const API_KEY_COLUMNS = {
  id: true,
  organizationId: true,
  projectId: true,
  name: true,
  allowedModels: true,
  allowedEndpointIds: true,
  requestsPerMinute: true,
  tokensPerMinute: true,
  allowFallback: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  previousSecretExpiresAt: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type ApiKeyRow = Omit<ApiKey, "secretSha256" | "previousSecretSha256">;

/** A key as people see it: what it may call, its limits and state, and only its public prefix. */
export interface ApiKeySummary {
  id: string;
  /** `tsk_<id>_…`: enough to recognise a key, never enough to use it. */
  prefix: string;
  name: string;
  project: { id: string; name: string };
  allowedModels: string[];
  endpoints: { id: string; name: string }[];
  requestsPerMinute: number;
  tokensPerMinute: number;
  allowFallback: boolean;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  status: ApiKeyStatus;
  /**
   * What the key can call through the gateway now (the gateway's own rule: its scope, and the
   * clusters its project's data may go to), the model its example names, and why it reaches
   * nothing, if so.
   */
  reach: PortalKeyReach;
  /** Whether the caller may rotate, revoke or edit it (its creator, or an owner or admin). */
  manageable: boolean;
}

/** Its creator, or an owner or admin of the organisation. */
export function mayManageApiKey(
  tenant: TenantAccess,
  actor: Actor,
  key: { createdById: string | null },
): boolean {
  return (
    roleMay(tenant.role, "apiKeys.manageAll") ||
    (actor.userId !== null && key.createdById === actor.userId)
  );
}

/**
 * Turns rows into summaries with their projects', endpoints' and creators' names, and what each
 * key can reach through the gateway.
 */
export async function toApiKeySummaries(
  tenant: TenantAccess,
  actor: Actor,
  rows: ApiKeyRow[],
  now = new Date(),
): Promise<ApiKeySummary[]> {
  if (rows.length === 0) return [];
  const db: TenantDatabase = tenant.db;
  const unique = (values: (string | null)[]) => [
    ...new Set(values.filter((v): v is string => v !== null)),
  ];
  const [projects, endpoints, users, routes] = await Promise.all([
    db.project.findMany({
      where: { id: { in: unique(rows.map((row) => row.projectId)) } },
      select: { id: true, name: true, residency: true, classification: true },
    }),
    db.workload.findMany({
      where: {
        id: { in: unique(rows.flatMap((row) => row.allowedEndpointIds)) },
        kind: "INFERENCE_ENDPOINT",
      },
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: { id: { in: unique(rows.map((row) => row.createdById)) } },
      select: { id: true, name: true, email: true },
    }),
    loadKeyRoutes(tenant),
  ]);
  const projectOf = new Map(projects.map((p) => [p.id, p]));
  const endpointName = new Map(endpoints.map((e) => [e.id, e.name]));
  const userName = new Map(users.map((u) => [u.id, u.name ?? u.email ?? "A former member"]));
  return rows.map((row) =>
    summaryOfRow(tenant, actor, row, now, {
      projectName: projectOf.get(row.projectId)?.name ?? "",
      // A deleted endpoint's row stays (workloads are kept), so a name is always found.
      endpointName: (id) => endpointName.get(id) ?? id,
      creatorName: (id) => userName.get(id) ?? "A former member",
      // A key's project is never deleted; were it missing, the strictest rules apply.
      reach: reachOfKey(
        routes,
        projectOf.get(row.projectId) ?? { residency: null, classification: "RESTRICTED" },
        row,
      ),
    }),
  );
}

/** What a summary adds to a key's row: names, and what it reaches. */
interface RowDetails {
  projectName: string;
  endpointName: (id: string) => string;
  creatorName: (id: string) => string;
  reach: PortalKeyReach;
}

function summaryOfRow(
  tenant: TenantAccess,
  actor: Actor,
  row: ApiKeyRow,
  now: Date,
  details: RowDetails,
): ApiKeySummary {
  return {
    id: row.id,
    prefix: apiKeyPrefix(row.id),
    name: row.name,
    project: { id: row.projectId, name: details.projectName },
    allowedModels: row.allowedModels,
    endpoints: row.allowedEndpointIds.map((id) => ({ id, name: details.endpointName(id) })),
    requestsPerMinute: row.requestsPerMinute,
    tokensPerMinute: row.tokensPerMinute,
    allowFallback: row.allowFallback,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    createdAt: row.createdAt,
    createdBy: row.createdById
      ? { id: row.createdById, name: details.creatorName(row.createdById) }
      : null,
    status: apiKeyStatus(row, now),
    reach: details.reach,
    manageable: mayManageApiKey(tenant, actor, row),
  };
}

/**
 * The summary handed back with a secret just committed (a new or rotated key), which is shown
 * this once: reading the names and reach it adds must never lose the secret. Should that fail,
 * the key as its row says, with ids for names and a reach that claims nothing (the list, read
 * again, shows the rest), and the failure is logged.
 */
export async function summaryOfIssuedKey(
  tenant: TenantAccess,
  actor: Actor,
  row: ApiKeyRow,
  now: Date,
  /** The key's project, when the caller has already read it. */
  project: { name: string } | null = null,
): Promise<ApiKeySummary> {
  try {
    const [key] = await toApiKeySummaries(tenant, actor, [row], now);
    if (key) return key;
  } catch (error) {
    console.error(
      `API key ${row.id} was issued, but its summary could not be read: ${String(error)}`,
    );
  }
  return summaryOfRow(tenant, actor, row, now, {
    projectName: project?.name ?? "",
    endpointName: (id) => id,
    creatorName: (id) => (id === actor.userId ? (actor.email ?? "") : ""),
    reach: { example: null, blocked: null, place: { kind: "ANYWHERE" }, remedy: null },
  });
}
