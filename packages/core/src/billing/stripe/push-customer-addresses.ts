import { Prisma, type Database } from "@tessera/db";
import { stripeAddressOf, type StripeGateway } from "./stripe-gateway";

export interface AddressPushResult {
  organizationId: string;
  status: "SENT" | "FAILED";
  error?: string;
}

interface PendingAddress {
  organizationId: string;
  stripeCustomerId: string;
  billingAddress: string | null;
  country: string;
  pendingSince: Date;
}

/**
 * Part of the billing sweep: sends each postal address set or removed since it was last sent to
 * the organisation's Stripe customer (an organisation without a customer yet waits: its customer
 * is made when its first invoice is pushed, and the next sweep sends the address). The mark is
 * cleared only if no newer change came in meanwhile, and the call's key names the change, so a
 * retry of the same change makes it once and a later change is never mistaken for it. A failure
 * keeps the mark: the next sweep tries again. Only the worker tier calls this.
 */
export async function pushCustomerAddresses(
  database: Database,
  gateway: StripeGateway,
  options: { limit?: number } = {},
): Promise<AddressPushResult[]> {
  const pending = await database.$queryRaw<PendingAddress[]>(Prisma.sql`
    SELECT b."organizationId", b."stripeCustomerId", b."billingAddress",
           o."country"::text AS "country", b."stripeAddressPendingSince" AS "pendingSince"
      FROM "BillingAccount" b JOIN "Organization" o ON o."id" = b."organizationId"
     WHERE b."stripeAddressPendingSince" IS NOT NULL AND b."stripeCustomerId" IS NOT NULL
     ORDER BY b."stripeAddressPendingSince"
     LIMIT ${options.limit ?? 50}`);
  const results: AddressPushResult[] = [];
  for (const account of pending) {
    const { organizationId } = account;
    try {
      await gateway.updateCustomerAddress(
        account.stripeCustomerId,
        stripeAddressOf(account.billingAddress, account.country),
        `tessera-customer-address-${organizationId}-${account.pendingSince.getTime()}`,
      );
      await database.billingAccount.updateMany({
        where: { organizationId, stripeAddressPendingSince: account.pendingSince },
        data: { stripeAddressPendingSince: null },
      });
      results.push({ organizationId, status: "SENT" });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ organizationId, status: "FAILED", error: message });
    }
  }
  return results;
}
