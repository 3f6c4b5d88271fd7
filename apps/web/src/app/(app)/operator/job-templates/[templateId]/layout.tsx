import { entityLayout } from "@/server/entity-layout";
import { loadJobTemplate } from "@/server/workloads";

export default entityLayout(({ templateId }: { templateId: string }) =>
  loadJobTemplate(templateId),
);
