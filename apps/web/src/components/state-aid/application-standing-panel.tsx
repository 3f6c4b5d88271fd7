"use client";

import { useAwardDraftIfAny } from "@/components/programmes/award-draft";
import type { ApplicationForAdmin } from "@/components/programmes/types";
import { tsa } from "@/i18n";
import { StandingPanel } from "./standing-panel";

const s = tsa.standing;

/**
 * The state-aid panel of an application's decision page. While the award can be approved, its
 * figure is the award being entered to grant (the same draft the decision form and its
 * confirmation show), changing as it is typed; before that, the request, said so.
 */
export function ApplicationStandingPanel({ application }: { application: ApplicationForAdmin }) {
  const draft = useAwardDraftIfAny();
  const { booked, standing } = application.stateAid;
  const inEuros = application.currency === "EUR";
  const entering = application.actions.approve && draft !== null;
  const awardMinor = !inEuros
    ? null
    : entering
      ? draft.firstProblem === null
        ? draft.preview.programmeShareMinor
        : null
      : (application.granted ?? application.requested).programmeShareMinor;
  return (
    <StandingPanel
      standing={standing}
      awardMinor={awardMinor}
      awardLabel={entering ? s.thisAwardEntered : s.thisAwardRequested}
      awardNote={
        !inEuros
          ? null
          : entering
            ? awardMinor === null
              ? s.waitsForGrant
              : s.followsGrant
            : s.asRequested
      }
      booked={booked}
      declared={application.otherDeMinimisAid}
    />
  );
}
