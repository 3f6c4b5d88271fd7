import { shareRawPool } from "./raw-query";
import type { Database } from "./client";

/**
 * The one place tenancy is enforced on data access. A tenant-scoped client adds the organisation
 * to every read and write of a tenant-owned model, so a row of another organisation is simply
 * not found — the same answer as a row that does not exist.
 *
 * A model is tenant-owned when it carries `organizationId`; Organization itself is scoped by id.
 * New tenant-owned models must be added here (packages/db/src/tenant-scope.test.ts checks that
 * every model with an organizationId column is listed).
 */
export const TENANT_OWNED_MODELS = [
  "Membership",
  "Invitation",
  "Project",
  "AuditEvent",
  "ProgrammeOrganizationAward",
  "AllocationRequest",
  "Allocation",
  "QuotaHold",
  "QuotaLedgerEntry",
  "Notification",
  "Workload",
  "WorkloadEvent",
  "Endpoint",
  "EndpointReplicaSample",
  "TenantClusterAccount",
  "UsageRecord",
  "BillingAccount",
  "Invoice",
  "InvoiceLine",
  "InvoicePeriodClaim",
  "InvoicePayment",
  "ApiKey",
  "BudgetAlert",
  "StateAidAward",
] as const;

const tenantOwned = new Set<string>(TENANT_OWNED_MODELS);

const WHERE_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
]);

type Args = Record<string, unknown> & { where?: Record<string, unknown> };

function scopeArgs(model: string, operation: string, args: Args, organizationId: string): Args {
  const key = model === "Organization" ? "id" : "organizationId";
  if (WHERE_OPERATIONS.has(operation)) {
    return { ...args, where: { ...args.where, [key]: organizationId } };
  }
  if (model === "Organization") {
    // Creating an organisation is not a tenant-scoped act.
    if (operation === "upsert" || operation.startsWith("create")) {
      throw new Error(`Organization.${operation} is not allowed through a tenant-scoped client`);
    }
    return args;
  }
  if (operation === "create") {
    return { ...args, data: { ...(args.data as object), organizationId } };
  }
  if (operation === "createMany" || operation === "createManyAndReturn") {
    const data = Array.isArray(args.data) ? args.data : [args.data];
    return { ...args, data: data.map((row: object) => ({ ...row, organizationId })) };
  }
  if (operation === "upsert") {
    return {
      ...args,
      where: { ...args.where, organizationId },
      create: { ...(args.create as object), organizationId },
    };
  }
  throw new Error(`${model}.${operation} has no tenant scoping rule`);
}

export function tenantScoped(client: Database, organizationId: string) {
  const scoped = client.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (model !== "Organization" && !tenantOwned.has(model)) return query(args);
          return query(scopeArgs(model, operation, args, organizationId));
        },
      },
    },
  });
  // Raw statements are not scoped by the extension either way; they keep the fast path.
  shareRawPool(client, scoped);
  return scoped;
}

export type TenantDatabase = ReturnType<typeof tenantScoped>;
