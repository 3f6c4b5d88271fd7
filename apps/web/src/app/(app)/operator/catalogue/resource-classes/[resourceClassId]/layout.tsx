import { loadResourceClass } from "@/server/catalogue";
import { entityLayout } from "@/server/entity-layout";

export default entityLayout(({ resourceClassId }: { resourceClassId: string }) =>
  loadResourceClass(resourceClassId),
);
