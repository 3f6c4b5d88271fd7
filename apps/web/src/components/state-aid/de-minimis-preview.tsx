import { tsa } from "@/i18n";
import type { ApplicationForAdmin } from "@/components/programmes/types";
import { euros } from "./format";
import { deMinimisWithAward } from "./with-award";

/**
 * The undertaking's de minimis total with the award as typed, beside the award's other figures
 * (nothing for an organisation that is not an undertaking). The server's decision is the one
 * that counts; this says in advance whether it will refuse.
 */
export function DeMinimisPreview({
  application,
  awardMinor,
  testId,
}: {
  application: ApplicationForAdmin;
  awardMinor: number;
  testId: string;
}) {
  const { standing } = application.stateAid;
  if (!standing.undertaking || application.currency !== "EUR") return null;
  const { totalMinor, leftMinor, overMinor } = deMinimisWithAward(standing, awardMinor);
  return overMinor > 0 ? (
    <p className="font-semibold text-danger" data-testid={testId}>
      {tsa.standing.previewOver(euros(totalMinor), euros(standing.ceilingMinor))}
    </p>
  ) : (
    <p data-testid={testId}>
      {tsa.standing.preview(euros(totalMinor), euros(standing.ceilingMinor), euros(leftMinor))}
    </p>
  );
}
