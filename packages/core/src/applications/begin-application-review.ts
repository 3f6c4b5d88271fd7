import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { TX_OPTIONS } from "../transaction";
import { lockApplication } from "./lock-application";
import { startApplicationReview } from "./start-application-review";

/** The administrator's explicit "start review" on a submitted application. */
export async function beginApplicationReview(
  database: Database,
  actor: Actor,
  input: { applicationId: string },
  now: Date = new Date(),
): Promise<{ applicationId: string }> {
  await database.$transaction(async (tx) => {
    const locked = await lockApplication(tx, input.applicationId, null);
    await startApplicationReview(tx, actor, locked, now);
  }, TX_OPTIONS);
  return { applicationId: input.applicationId };
}
