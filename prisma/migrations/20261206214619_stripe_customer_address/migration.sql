-- The billing sweep sends the postal address to the organisation's Stripe customer: an address set or
-- cleared marks the account until the customer has it.
-- AlterTable
ALTER TABLE "BillingAccount" ADD COLUMN     "stripeAddressPendingSince" TIMESTAMP(3);

-- Addresses set before this migration have never been sent: the next sweep sends them.
UPDATE "BillingAccount" SET "stripeAddressPendingSince" = now() WHERE "billingAddress" IS NOT NULL;
