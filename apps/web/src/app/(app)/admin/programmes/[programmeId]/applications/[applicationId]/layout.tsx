import { entityLayout } from "@/server/entity-layout";
import { loadAdminApplication } from "@/server/programmes";

export default entityLayout(
  ({ programmeId, applicationId }: { programmeId: string; applicationId: string }) =>
    loadAdminApplication(programmeId, applicationId),
);
