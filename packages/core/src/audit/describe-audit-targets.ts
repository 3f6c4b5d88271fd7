import type { Database, TenantDatabase } from "@tessera/db";

/** What an audit event's target is called now, and what a link to it needs besides its id. */
export interface AuditTarget {
  name: string;
  organizationId?: string;
  programmeId?: string;
  applicationId?: string;
}

/**
 * The loaders are typed against the plain client: TypeScript gives up comparing a union of the
 * plain and the tenant-scoped client's query arguments ("excessive stack depth"). A tenant-scoped
 * reader passed in still narrows every query at run time (describeAuditTargets).
 */
type Reader = Database;
type Loader = (database: Reader, ids: string[]) => Promise<[string, AuditTarget][]>;

const where = (ids: string[]) => ({ id: { in: ids } });

async function workloadNames(database: Reader, ids: string[]): Promise<[string, AuditTarget][]> {
  const rows = await database.workload.findMany({
    where: where(ids),
    select: { id: true, name: true, organizationId: true },
  });
  return rows.map((row) => [row.id, { name: row.name, organizationId: row.organizationId }]);
}

/**
 * One query per kind of target. A tenant-scoped reader narrows the tenant-owned kinds to its own
 * organisation, so an organisation's audit page names only its own things.
 */
const LOADERS: Record<string, Loader> = {
  Organization: async (database, ids) =>
    (
      await database.organization.findMany({ where: where(ids), select: { id: true, name: true } })
    ).map((row) => [row.id, { name: row.name, organizationId: row.id }]),
  Project: async (database, ids) =>
    (
      await database.project.findMany({
        where: where(ids),
        select: { id: true, name: true, organizationId: true },
      })
    ).map((row) => [row.id, { name: row.name, organizationId: row.organizationId }]),
  Workload: workloadNames,
  // An endpoint's audit events name its workload's id.
  Endpoint: workloadNames,
  ApiKey: async (database, ids) =>
    (
      await database.apiKey.findMany({
        where: where(ids),
        select: { id: true, name: true, organizationId: true },
      })
    ).map((row) => [row.id, { name: row.name, organizationId: row.organizationId }]),
  Model: async (database, ids) =>
    (await database.model.findMany({ where: where(ids), select: { id: true, name: true } })).map(
      (row) => [row.id, { name: row.name }],
    ),
  AllocationRequest: async (database, ids) =>
    (
      await database.allocationRequest.findMany({
        where: where(ids),
        select: { id: true, title: true, organizationId: true, programmeId: true },
      })
    ).map((row) => [
      row.id,
      {
        name: row.title,
        organizationId: row.organizationId,
        programmeId: row.programmeId,
        applicationId: row.id,
      },
    ]),
  Review: async (database, ids) =>
    (
      await database.review.findMany({
        where: where(ids),
        select: {
          id: true,
          request: { select: { id: true, title: true, programmeId: true, organizationId: true } },
        },
      })
    ).map((row) => [
      row.id,
      {
        name: row.request.title,
        organizationId: row.request.organizationId,
        programmeId: row.request.programmeId,
        applicationId: row.request.id,
      },
    ]),
  Programme: async (database, ids) =>
    (
      await database.programme.findMany({ where: where(ids), select: { id: true, name: true } })
    ).map((row) => [row.id, { name: row.name, programmeId: row.id }]),
  ProgrammeCall: async (database, ids) =>
    (
      await database.programmeCall.findMany({
        where: where(ids),
        select: { id: true, name: true, programmeId: true },
      })
    ).map((row) => [row.id, { name: row.name, programmeId: row.programmeId }]),
  Cluster: async (database, ids) =>
    (await database.cluster.findMany({ where: where(ids), select: { id: true, name: true } })).map(
      (row) => [row.id, { name: row.name }],
    ),
  ResourceClass: async (database, ids) =>
    (
      await database.resourceClass.findMany({ where: where(ids), select: { id: true, name: true } })
    ).map((row) => [row.id, { name: row.name }]),
  JobTemplate: async (database, ids) =>
    (
      await database.jobTemplate.findMany({ where: where(ids), select: { id: true, name: true } })
    ).map((row) => [row.id, { name: row.name }]),
  Invitation: async (database, ids) =>
    (
      await database.invitation.findMany({
        where: where(ids),
        select: { id: true, email: true, organizationId: true },
      })
    ).map((row) => [row.id, { name: row.email, organizationId: row.organizationId }]),
  Membership: async (database, ids) =>
    (
      await database.membership.findMany({
        where: where(ids),
        select: { id: true, organizationId: true, user: { select: { name: true, email: true } } },
      })
    ).map((row) => [
      row.id,
      { name: row.user.name ?? row.user.email ?? "—", organizationId: row.organizationId },
    ]),
  TenantClusterAccount: async (database, ids) =>
    (
      await database.tenantClusterAccount.findMany({
        where: where(ids),
        select: {
          id: true,
          accountName: true,
          organizationId: true,
          cluster: { select: { name: true } },
        },
      })
    ).map((row) => [
      row.id,
      { name: `${row.accountName} on ${row.cluster.name}`, organizationId: row.organizationId },
    ]),
  Invoice: async (database, ids) =>
    (
      await database.invoice.findMany({
        where: where(ids),
        select: { id: true, number: true, period: true, organizationId: true },
      })
    ).map((row) => [
      row.id,
      { name: `${row.number} (${row.period})`, organizationId: row.organizationId },
    ]),
  UndertakingGroup: async (database, ids) =>
    (
      await database.undertakingGroup.findMany({
        where: where(ids),
        select: { id: true, name: true },
      })
    ).map((row) => [row.id, { name: row.name }]),
  user: async (database, ids) =>
    (
      await database.user.findMany({
        where: where(ids),
        select: { id: true, name: true, email: true },
      })
    ).map((row) => [row.id, { name: row.name ?? row.email ?? "—" }]),
};

export function auditTargetKey(targetType: string, targetId: string): string {
  return `${targetType}:${targetId}`;
}

/**
 * Names the targets of a page of audit events (one query per kind), keyed by auditTargetKey.
 * Targets that no longer exist are absent; a kind that has no name of its own (a quota ledger
 * entry, a background task) is named by its id, so that absence means "no longer exists" only.
 */
export async function describeAuditTargets(
  reader: Database | TenantDatabase,
  events: readonly { targetType: string; targetId: string | null }[],
): Promise<Map<string, AuditTarget>> {
  const database = reader as Reader;
  const idsByType = new Map<string, Set<string>>();
  const byId: [string, AuditTarget][] = [];
  for (const event of events) {
    if (!event.targetId) continue;
    if (!LOADERS[event.targetType]) {
      byId.push([auditTargetKey(event.targetType, event.targetId), { name: event.targetId }]);
      continue;
    }
    const ids = idsByType.get(event.targetType) ?? new Set<string>();
    ids.add(event.targetId);
    idsByType.set(event.targetType, ids);
  }
  const found = await Promise.all(
    [...idsByType].map(async ([type, ids]) =>
      (await LOADERS[type]!(database, [...ids])).map(([id, target]): [string, AuditTarget] => [
        auditTargetKey(type, id),
        target,
      ]),
    ),
  );
  return new Map([...byId, ...found.flat()]);
}
