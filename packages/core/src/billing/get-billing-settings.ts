import { roleMay } from "../tenancy/permissions";
import type { TenantAccess } from "../tenancy/tenant-access";

/** The billing settings the settings page shows: what invoices will name the customer with. */
export interface BillingSettingsView {
  /** The postal address, one part per line; null when none is on file (invoices need one). */
  billingAddress: string | null;
  /** The organisation's country, which invoices print under the address. */
  country: string;
  /** Whether the caller may change them. */
  canChange: boolean;
}

export async function getBillingSettings(tenant: TenantAccess): Promise<BillingSettingsView> {
  const [organization, account] = await Promise.all([
    tenant.db.organization.findUniqueOrThrow({
      where: { id: tenant.organization.id },
      select: { country: true },
    }),
    tenant.db.billingAccount.findUnique({
      where: { organizationId: tenant.organization.id },
      select: { billingAddress: true },
    }),
  ]);
  return {
    billingAddress: account?.billingAddress ?? null,
    country: organization.country,
    canChange: roleMay(tenant.role, "billing.manage"),
  };
}
