import { entityLayout } from "@/server/entity-layout";
import { loadOrganisation } from "@/server/organisation";

/** Membership is checked above every organisation page's loading boundary: a stranger gets 404. */
export default entityLayout(({ organizationId }: { organizationId: string }) =>
  loadOrganisation(organizationId),
);
