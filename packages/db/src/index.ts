export { createDatabase, db, type Database } from "./client";
export {
  columnsOf,
  rawBatchQuery,
  rawQuery,
  rawTransaction,
  rowsInOrder,
  type RawBatch,
  type RawStatement,
} from "./raw-query";
export { listen, type Listener } from "./listen";
export { tenantScoped, TENANT_OWNED_MODELS, type TenantDatabase } from "./tenant-scope";
export { Prisma } from "./generated/prisma/client";
export * from "./generated/prisma/enums";
export type * from "./generated/prisma/models";
export type {
  Account,
  Allocation,
  AllocationLine,
  AllocationRequest,
  AllocationRequestEvent,
  AllocationRequestLine,
  AuditEvent,
  Cluster,
  ClusterResource,
  Notification,
  Programme,
  ProgrammeCall,
  ProgrammeOrganizationAward,
  QuotaHold,
  QuotaLedgerEntry,
  ResourceClass,
  Review,
  Invitation,
  MailMessage,
  Membership,
  Organization,
  Project,
  Session,
  User,
  Workload,
  WorkloadEvent,
  JobTemplate,
  OutboxEvent,
  DeadLetter,
  TenantClusterAccount,
  SimJob,
  UsageRecord,
  PriceVersion,
  BillingAccount,
  Invoice,
  InvoiceLine,
  InvoicePayment,
} from "./generated/prisma/client";
