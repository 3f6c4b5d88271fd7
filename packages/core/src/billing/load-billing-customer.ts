import { Prisma } from "@tessera/db";
import { DEFAULT_BILLING_TIME_ZONE } from "./billing-time-zone";
import type { SqlClient } from "./sql-client";

export interface BillingCustomer {
  organizationId: string;
  name: string;
  country: string;
  timeZone: string;
  vatId: string | null;
  vatIdValid: boolean;
  billingEmail: string;
  /** The postal address invoices name; null when none is on file. */
  billingAddress: string | null;
  stripeCustomerId: string | null;
  monthlyBudgetMinor: bigint | null;
}

/** Organisations as billing sees them (loadBillingCustomer for many), by id. */
export async function loadBillingCustomers(
  client: SqlClient,
  organizationIds: readonly string[],
): Promise<Map<string, BillingCustomer>> {
  const rows = await client.$queryRaw<BillingCustomer[]>(Prisma.sql`
    SELECT o."id" AS "organizationId", o."name", o."country"::text AS "country",
           COALESCE(b."timeZone", ${DEFAULT_BILLING_TIME_ZONE}) AS "timeZone",
           b."vatId", (b."vatIdValidatedAt" IS NOT NULL) AS "vatIdValid",
           COALESCE(b."billingEmail", o."contactEmail") AS "billingEmail", b."billingAddress",
           b."stripeCustomerId", b."monthlyBudgetMinor"
      FROM "Organization" o LEFT JOIN "BillingAccount" b ON b."organizationId" = o."id"
     WHERE o."id" = ANY(${[...organizationIds]}::text[])`);
  return new Map(rows.map((row) => [row.organizationId, row]));
}

/** The organisation as billing sees it: its country, billing time zone, VAT id and contact. */
export async function loadBillingCustomer(
  client: SqlClient,
  organizationId: string,
): Promise<BillingCustomer | null> {
  return (await loadBillingCustomers(client, [organizationId])).get(organizationId) ?? null;
}
