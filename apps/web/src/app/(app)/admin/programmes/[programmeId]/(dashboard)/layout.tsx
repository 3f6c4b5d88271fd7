import { entityLayout } from "@/server/entity-layout";
import { loadProgrammeDashboard } from "@/server/programmes";

// In a route group of its own, so that the application pages below the programme do not load
// its dashboard: they check the programme through the application.
export default entityLayout(({ programmeId }: { programmeId: string }) =>
  loadProgrammeDashboard(programmeId),
);
