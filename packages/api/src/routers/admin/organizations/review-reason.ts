import { z } from "zod";
import { REVIEW_REASON_MAX, REVIEW_REASON_MIN } from "@tessera/core";
import { rowId, text } from "../../../schemas";

/** Rejecting or suspending says why: the organisation's members see the reason. */
export const reviewWithReasonInput = z.object({
  organizationId: rowId("organisation"),
  reason: text("Reason", REVIEW_REASON_MAX, REVIEW_REASON_MIN),
});
