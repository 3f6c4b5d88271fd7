import { z } from "zod";
import { AllocationRequestStatus } from "@tessera/db";
import { DECISION_REASON_MAX, DECISION_REASON_MIN, decisionReasonMessages } from "@tessera/core";
import { classificationInput, rowId, text } from "../../schemas";
import { dateInput, requestedLinesInput } from "../programmes/shared-inputs";
import { declaredAidInput } from "../state-aid/inputs";

export const applicationStatusInput = z.enum(AllocationRequestStatus, {
  error: "Choose an application status.",
});

/** The fields of an application form; every one is required for a new draft. */
export const applicationFields = {
  projectId: rowId("project"),
  programmeId: rowId("programme"),
  callId: rowId("call"),
  title: text("Title", 200, 3),
  abstract: text("Abstract", 3000, 20),
  justification: text("Justification", 10000, 20),
  dataClassification: classificationInput,
  periodStart: dateInput("Start of the period"),
  periodEnd: dateInput("End of the period"),
  lines: requestedLinesInput,
  /** Undertakings declare other de minimis aid of the last three years; absent = none (new) or unchanged (edit). */
  otherDeMinimisAid: declaredAidInput.optional(),
};

export const applicationIdInput = { applicationId: rowId("application") };

export const decisionReasonInput = text(
  "Reason",
  DECISION_REASON_MAX,
  DECISION_REASON_MIN,
  decisionReasonMessages,
);
