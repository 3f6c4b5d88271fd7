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
  notMetered = tw.energy.notMetered,
}: {
  energy: WorkloadSummary["energy"];
  className?: string;
  /** What to say when nothing is metered yet, where no heading says it is energy. */
  notMetered?: string;
}) {
  return (
    <span className={className} data-testid="job-energy">
      {energy ? energyWithBasis(energy.milliWh, energy.measured) : notMetered}
    </span>
  );
}
