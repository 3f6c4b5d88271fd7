import type { TenantAccess } from "../tenancy/tenant-access";
import { getInvoiceDraft } from "./get-invoice-draft";
import {
  classNamesOf,
  toBillingLineView,
  toBillingTotalsView,
  type BillingLineView,
  type BillingTotalsView,
} from "./invoice-view";

export interface CurrentChargesView extends BillingTotalsView {
  /** The billing month in the organisation's time zone ("YYYY-MM"). */
  period: string;
  periodStart: Date;
  periodEnd: Date;
  timeZone: string;
  lines: BillingLineView[];
  /** When these figures were computed (the draft is never stored). */
  computedAt: Date;
}

/**
 * This month's charges so far for the organisation: the live draft, rated as finalisation will
 * rate it (late usage of an invoiced month shows as an adjustment line).
 */
export async function getCurrentCharges(
  tenant: TenantAccess,
  input: { sellerCountry: string; now?: Date },
): Promise<CurrentChargesView> {
  const now = input.now ?? new Date();
  const draft = await getInvoiceDraft(tenant.db, {
    organizationId: tenant.organization.id,
    sellerCountry: input.sellerCountry,
    now,
  });
  const classes = await classNamesOf(
    tenant,
    draft.lines.map((line) => line.resourceClassId),
  );
  return {
    ...toBillingTotalsView({
      ...draft,
      vatTreatment: draft.vat.treatment,
      vatCountry: draft.vat.country,
      vatRateBps: draft.vat.rateBps,
    }),
    period: draft.period,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    timeZone: draft.timeZone,
    lines: draft.lines.map((line) => toBillingLineView(line, classes)),
    computedAt: now,
  };
}
