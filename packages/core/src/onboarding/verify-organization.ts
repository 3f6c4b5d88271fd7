import type { Database, Organization } from "@tessera/db";
import type { Actor } from "../actor";
import { reviewOrganization } from "./review-organization";

/** PENDING or SUSPENDED → VERIFIED (`now`: when; now by default). */
export function verifyOrganization(
  database: Database,
  actor: Actor,
  organizationId: string,
  now: Date = new Date(),
): Promise<Organization> {
  return reviewOrganization(database, actor, organizationId, "verify", undefined, now);
}
