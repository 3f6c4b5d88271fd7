import { tsa } from "@/i18n";
import type { ApplicationForAdmin } from "@/components/programmes/types";
import { euros } from "./format";

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
  const total = standing.receivedMinor + awardMinor;
  return total > standing.ceilingMinor ? (
    <p className="font-semibold text-danger" data-testid={testId}>
      {tsa.standing.previewOver(euros(total), euros(standing.ceilingMinor))}
    </p>
  ) : (
    <p data-testid={testId}>
      {tsa.standing.preview(
        euros(total),
        euros(standing.ceilingMinor),
        euros(standing.ceilingMinor - total),
      )}
    </p>
  );
}
