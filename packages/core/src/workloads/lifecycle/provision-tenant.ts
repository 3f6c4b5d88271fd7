import { tenantScoped, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { ComputeDriver } from "../../compute/driver";
import { notFound } from "../../errors";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS, isUniqueViolation } from "../../transaction";
import { tenantAccountName } from "./tenant-account-name";

export interface ProvisionedTenant {
  accountId: string;
  accountName: string;
  gpuLimit: number;
  status: "READY";
  /** False when the account was already READY with this limit (nothing was audited). */
  changed: boolean;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

/**
 * Creates or updates the organisation's account on one cluster: the TenantClusterAccount row
 * (account name `t_<slug>`, kept once chosen), then the backend account with a GPU limit that
 * mirrors Organization.maxConcurrentGpus — a second fence behind Tessera's own quota. READY and
 * audited as tenant.provisioned when that changed anything; FAILED with the error otherwise (the
 * error is rethrown so the caller can retry or give up). Safe to run again or concurrently: the
 * backend call converges and only one run records the change.
 */
export async function provisionTenant(
  database: Database,
  driver: Pick<ComputeDriver, "ensureTenant">,
  input: { organizationId: string; clusterId: string },
): Promise<ProvisionedTenant> {
  const scoped = tenantScoped(database, input.organizationId);
  const organization = await scoped.organization.findUnique({
    where: { id: input.organizationId },
    select: { id: true, slug: true, maxConcurrentGpus: true },
  });
  if (!organization) throw notFound("Organisation");
  const cluster = await database.cluster.findUnique({
    where: { id: input.clusterId },
    select: { id: true, code: true },
  });
  if (!cluster) throw notFound("Cluster");
  const gpuLimit = organization.maxConcurrentGpus;
  const where = {
    clusterId_organizationId: { clusterId: cluster.id, organizationId: organization.id },
  };
  const create = {
    organizationId: organization.id,
    clusterId: cluster.id,
    accountName: tenantAccountName(organization.slug, organization.id),
    gpuLimit,
    status: "PENDING" as const,
  };
  // Two first launches may race to create the row; the loser finds the winner's.
  const account = await scoped.tenantClusterAccount
    .upsert({ where, create, update: {} })
    .catch(async (error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      return scoped.tenantClusterAccount.findUniqueOrThrow({ where });
    });

  try {
    await driver.ensureTenant({ accountName: account.accountName, gpuLimit });
  } catch (error) {
    await scoped.tenantClusterAccount.updateMany({
      where: { id: account.id },
      data: { lastError: errorText(error) },
    });
    await scoped.tenantClusterAccount.updateMany({
      where: { id: account.id, status: { not: "READY" } },
      data: { status: "FAILED" },
    });
    throw error;
  }

  const changed = await scoped.$transaction(async (tx: TenantTransaction) => {
    const updated = await tx.tenantClusterAccount.updateMany({
      where: {
        id: account.id,
        OR: [{ status: { not: "READY" } }, { gpuLimit: { not: gpuLimit } }],
      },
      data: { status: "READY", gpuLimit, provisionedAt: new Date(), lastError: null },
    });
    if (updated.count !== 1) return false;
    await recordAuditEvent(tx, SYSTEM_ACTOR, {
      action: "tenant.provisioned",
      organizationId: organization.id,
      targetType: "TenantClusterAccount",
      targetId: account.id,
      data: {
        cluster: cluster.code,
        accountName: account.accountName,
        gpuLimit,
        previousStatus: account.status,
        previousGpuLimit: account.gpuLimit,
      },
    });
    return true;
  }, TX_OPTIONS);
  return {
    accountId: account.id,
    accountName: account.accountName,
    gpuLimit,
    status: "READY",
    changed,
  };
}
