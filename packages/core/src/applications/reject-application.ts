import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { closeApplication } from "./close-application";

/** UNDER_REVIEW → REJECTED, with a reason the applicant sees. */
export function rejectApplication(
  database: Database,
  actor: Actor,
  input: { applicationId: string; reason: string },
): Promise<{ applicationId: string }> {
  return closeApplication(database, actor, input, "reject");
}
