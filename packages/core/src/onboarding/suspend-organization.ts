import type { Database, Organization } from "@tessera/db";
import type { Actor } from "../actor";
import { reviewOrganization } from "./review-organization";

/** VERIFIED → SUSPENDED; the reason is stored and shown to the organisation's members. */
export function suspendOrganization(
  database: Database,
  actor: Actor,
  organizationId: string,
  reason: string,
): Promise<Organization> {
  return reviewOrganization(database, actor, organizationId, "suspend", reason);
}
