import { entityLayout } from "@/server/entity-layout";
import { loadJob } from "@/server/workloads";

export default entityLayout(
  ({ organizationId, workloadId }: { organizationId: string; workloadId: string }) =>
    loadJob(organizationId, workloadId),
);
