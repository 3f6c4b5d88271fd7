import { platformAreaLayout } from "@/server/platform-area-layout";

export default platformAreaLayout("operations.read");
