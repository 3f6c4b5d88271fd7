import { entityLayout } from "@/server/entity-layout";
import { loadEndpoint } from "@/server/endpoints";

export default entityLayout(
  ({ organizationId, endpointId }: { organizationId: string; endpointId: string }) =>
    loadEndpoint(organizationId, endpointId),
);
