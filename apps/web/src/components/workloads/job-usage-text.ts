import { formatEnergy } from "@tessera/core/format-energy";
import { formatMoney } from "@/components/programmes/format";
import { tb, tw } from "@/i18n";
import { formatQuota } from "./format";
import type { JobUsageSoFar, ListedUsageSoFar } from "./types";

/**
 * Pure: what a running job's page says of its use so far and its cost so far, not yet settled —
 * the figures Billing's charges so far give the job (getJobUsageSoFar). Null when there are none
 * to say (the job is not running, or nothing of it accrues yet); `cost` is null for a role that
 * may not read billing. `energy` is the estimate so far, from the class's power draw, as Billing
 * estimates it until the job's records are written; null when its class has no power draw to
 * estimate from (the energy row then says it is not metered yet, never "0 Wh").
 */
export function usageSoFarText(
  soFar: NonNullable<JobUsageSoFar> | null,
  unit: string,
): {
  used: string;
  cost: { value: string; shares: string } | null;
  energy: string | null;
} | null {
  if (!soFar) return null;
  const q = tw.detail.quota;
  const { cost } = soFar;
  const money = (minor: number) => formatMoney(minor, cost?.currency ?? "EUR");
  return {
    used: q.usedSoFar(formatQuota(soFar.unitSeconds, unit)),
    energy:
      soFar.energyMilliWh > 0
        ? tw.energy.soFar(approximateEnergy(soFar.energyMilliWh), tb.energy.unsettled)
        : null,
    cost: cost
      ? {
          value: q.costSoFarValue(money(cost.listMinor)),
          shares: q.costSoFarShares(money(cost.programmeMinor), money(cost.tenantMinor)),
        }
      : null,
  };
}

/**
 * Pure: the same figures as the jobs list writes them, briefly: "0.861 GPU-hours so far", "≈ 3.0 kWh
 * so far" and, for a role that may read billing, "€2.54 so far (list price)". Null when the job
 * has none.
 */
export function listUsageSoFarText(
  soFar: ListedUsageSoFar | undefined,
  unit: string,
): { used: string; cost: string | null; energy: string | null } | null {
  if (!soFar) return null;
  const { cost } = soFar;
  return {
    used: tw.list.usedSoFar(formatQuota(soFar.unitSeconds, unit)),
    energy:
      soFar.energyMilliWh > 0
        ? tw.energy.soFarInList(approximateEnergy(soFar.energyMilliWh))
        : null,
    cost: cost ? tw.list.costSoFar(formatMoney(cost.listMinor, cost.currency)) : null,
  };
}

/** An estimate as every estimate on Tessera is written: "≈ 3.0 kWh". */
function approximateEnergy(milliWh: number): string {
  return tb.energy.approximately(formatEnergy(milliWh));
}
