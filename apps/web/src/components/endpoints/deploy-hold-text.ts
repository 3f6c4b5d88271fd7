import { quotaShortfallMessage } from "@tessera/core/words";
import { formatQuota } from "@/components/workloads/format";
import { te } from "@/i18n";

/**
 * What a deploy holds for its first hour and what remains on the line after that hold, as the
 * job form says it for a job (remaining now less the hold). A hold the line cannot cover is said
 * in the deploy's own refusal (quotaShortfallMessage), never as a negative remainder.
 */
export function deployHoldText(
  holdUnitSeconds: number,
  remainingUnitSeconds: number,
  unit: string,
): { fits: boolean; text: string } {
  if (holdUnitSeconds > remainingUnitSeconds) {
    return {
      fits: false,
      text: quotaShortfallMessage(holdUnitSeconds, remainingUnitSeconds, unit),
    };
  }
  return {
    fits: true,
    text: te.form.hold(
      formatQuota(holdUnitSeconds, unit),
      formatQuota(remainingUnitSeconds - holdUnitSeconds, unit),
    ),
  };
}
