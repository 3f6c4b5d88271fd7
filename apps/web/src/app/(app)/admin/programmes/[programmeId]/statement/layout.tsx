import { entityLayout } from "@/server/entity-layout";
import { loadProgrammeForStatement } from "@/server/billing";

export default entityLayout(({ programmeId }: { programmeId: string }) =>
  loadProgrammeForStatement(programmeId),
);
