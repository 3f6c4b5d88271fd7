import { entityLayout } from "@/server/entity-layout";
import { loadEditableApplication } from "@/server/programmes";

/**
 * An application that can no longer be edited is redirected to its own page here, above the edit
 * page's loading boundary, so that the answer is a real HTTP redirect rather than a page that
 * starts with 200 and moves on in the browser.
 */
export default entityLayout(
  ({ organizationId, applicationId }: { organizationId: string; applicationId: string }) =>
    loadEditableApplication(organizationId, applicationId),
);
