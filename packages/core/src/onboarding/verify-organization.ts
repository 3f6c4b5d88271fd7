import type { Database, Organization } from "@tessera/db";
import type { Actor } from "../actor";
import { reviewOrganization } from "./review-organization";

/** PENDING or SUSPENDED → VERIFIED. */
export function verifyOrganization(
  database: Database,
  actor: Actor,
  organizationId: string,
): Promise<Organization> {
  return reviewOrganization(database, actor, organizationId, "verify");
}
