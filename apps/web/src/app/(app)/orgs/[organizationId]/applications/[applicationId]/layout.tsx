import { entityLayout } from "@/server/entity-layout";
import { loadApplication } from "@/server/programmes";

export default entityLayout(
  ({ organizationId, applicationId }: { organizationId: string; applicationId: string }) =>
    loadApplication(organizationId, applicationId),
);
