import { entityLayout } from "@/server/entity-layout";
import { loadOrganisationForReview } from "@/server/organisation";

export default entityLayout(({ organizationId }: { organizationId: string }) =>
  loadOrganisationForReview(organizationId),
);
