import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { lockOrganization } from "../tenancy/lock-organization";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { parseBillingAddress } from "./billing-address";
import { getBillingSettings, type BillingSettingsView } from "./get-billing-settings";

/**
 * Sets the postal address the organisation's next invoices name (parseBillingAddress's rules; a
 * refusal names the field and changes nothing). Audited with the address before and after.
 * Invoices already issued keep the address they were issued with. `now`: when it happens (now by
 * default; the demo seed replays a dated history).
 */
export async function setBillingAddress(
  tenant: TenantAccess,
  actor: Actor,
  input: { address: string; now?: Date },
): Promise<BillingSettingsView> {
  const parsed = parseBillingAddress(input.address);
  if (!parsed.ok) throw new AppError("INVALID", parsed.message, { field: "address" });
  return storeBillingAddress(tenant, actor, parsed.address, input.now);
}

/**
 * Removes the postal address: the next invoices name none until one is set again, and the billing
 * page asks for it as it does before the first. Audited like a change; invoices already issued keep
 * the address they were issued with.
 */
export function clearBillingAddress(
  tenant: TenantAccess,
  actor: Actor,
  input: { now?: Date } = {},
): Promise<BillingSettingsView> {
  return storeBillingAddress(tenant, actor, null, input.now);
}

/**
 * Stores the address (null: none) unless it is already the one on file, with its audit entry, and
 * marks the account for the worker's billing sweep to send it to the Stripe customer (never from
 * here: no Stripe call inside a transaction, nor from the web tier).
 */
async function storeBillingAddress(
  tenant: TenantAccess,
  actor: Actor,
  address: string | null,
  now: Date | undefined,
): Promise<BillingSettingsView> {
  const organizationId = tenant.organization.id;
  await tenant.db.$transaction(async (tx) => {
    // One change at a time per organisation, so the audit trail reads in order.
    await lockOrganization(tx, organizationId);
    const current = await tx.billingAccount.findUnique({
      where: { organizationId },
      select: { billingAddress: true },
    });
    const from = current?.billingAddress ?? null;
    if (from === address) return;
    const change = { billingAddress: address, stripeAddressPendingSince: now ?? new Date() };
    await tx.billingAccount.upsert({
      where: { organizationId },
      create: { organizationId, ...change },
      update: change,
    });
    await recordAuditEvent(tx, actor, {
      action: "billing.settings_updated",
      organizationId,
      targetType: "Organization",
      targetId: organizationId,
      data: {
        changed: ["billingAddress"],
        from: { billingAddress: from },
        to: { billingAddress: address },
      },
      occurredAt: now,
    });
  }, TX_OPTIONS);
  return getBillingSettings(tenant);
}
