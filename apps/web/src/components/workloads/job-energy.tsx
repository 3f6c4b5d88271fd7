import { energyWithBasis } from "@/components/billing/format";
import { tw } from "@/i18n";
import type { WorkloadSummary } from "./types";

/**
 * A job's energy as the billing pages write it — "1.4 kWh (measured)", "≈ 350 Wh (estimated)" —
 * or that nothing was metered yet (never "0 Wh" for a job that has not been metered).
 */
export function JobEnergy({
  energy,
  className,
}: {
  energy: WorkloadSummary["energy"];
  className?: string;
}) {
  return (
    <span className={className} data-testid="job-energy">
      {energy ? energyWithBasis(energy.milliWh, energy.measured) : tw.energy.notMetered}
    </span>
  );
}
