import { loadCluster } from "@/server/catalogue";
import { entityLayout } from "@/server/entity-layout";

export default entityLayout(({ clusterId }: { clusterId: string }) => loadCluster(clusterId));
