import { lineShares } from "@/components/endpoints/line-shares";
import { formatDate, te, tw } from "@/i18n";
import { formatQuota } from "./format";
import type { FormLine } from "./types";

/**
 * What tells an allocation line apart from the others on a form: the award's title, the hours
 * left on it and the day it ends. Two awards of the same programme and class would otherwise
 * read the same, and the person could not tell which one the work draws on.
 */
type LabelledLine = Pick<
  FormLine,
  | "awardTitle"
  | "validTo"
  | "remainingUnitSeconds"
  | "currency"
  | "listPriceMinorPerHour"
  | "subsidyRateBps"
> & { resourceClass: Pick<FormLine["resourceClass"], "name" | "unit" | "kind"> };

/** The job form's option: the class first, so a select cut short still shows what was chosen. */
export function jobLineLabel(line: LabelledLine): string {
  return tw.form.lineOption(
    line.awardTitle,
    line.resourceClass.name,
    formatQuota(line.remainingUnitSeconds, line.resourceClass.unit),
    formatDate(line.validTo),
  );
}

/** The endpoint form's hardware tier: the award, the class, what is left and the price. */
export function endpointLineLabel(line: LabelledLine): string {
  return te.form.hardwareOption(
    line.awardTitle,
    line.resourceClass.name,
    formatQuota(line.remainingUnitSeconds, line.resourceClass.unit),
    formatDate(line.validTo),
    lineShares(line).price,
  );
}
