import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { closeApplication } from "./close-application";

/** UNDER_REVIEW → CHANGES_REQUESTED: the applicant edits and submits again. */
export function requestApplicationChanges(
  database: Database,
  actor: Actor,
  input: { applicationId: string; reason: string },
): Promise<{ applicationId: string }> {
  return closeApplication(database, actor, input, "requestChanges");
}
