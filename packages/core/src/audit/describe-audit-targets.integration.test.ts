import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createWorkloadSetup } from "../workloads/lifecycle/workload-fixture";
import { auditTargetKey, describeAuditTargets } from "./describe-audit-targets";

describe("describeAuditTargets", () => {
  it("names a cluster account by its account and cluster, and says nothing of a deleted one", async () => {
    const setup = await createWorkloadSetup(db);
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: setup.clusterId } });
    const account = await db.tenantClusterAccount.create({
      data: {
        organizationId: setup.organizationId,
        clusterId: setup.clusterId,
        accountName: `acct_${setup.organizationId.slice(-8)}`,
        gpuLimit: 8,
      },
    });
    const targets = await describeAuditTargets(db, [
      { targetType: "TenantClusterAccount", targetId: account.id },
      { targetType: "TenantClusterAccount", targetId: "gone-account" },
    ]);
    expect(targets.get(auditTargetKey("TenantClusterAccount", account.id))).toEqual({
      name: `${account.accountName} on ${cluster.name}`,
      organizationId: setup.organizationId,
    });
    expect(targets.has(auditTargetKey("TenantClusterAccount", "gone-account"))).toBe(false);
  });

  it("names a kind that has no name of its own by its id, so absence means deleted only", async () => {
    const targets = await describeAuditTargets(db, [
      { targetType: "QuotaLedger", targetId: "ledger-entry-1" },
    ]);
    expect(targets.get(auditTargetKey("QuotaLedger", "ledger-entry-1"))).toEqual({
      name: "ledger-entry-1",
    });
  });
});
