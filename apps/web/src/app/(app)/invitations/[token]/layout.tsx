import { entityLayout } from "@/server/entity-layout";
import { loadInvitation } from "@/server/invitations";

// A token that names no invitation (or cannot be one) answers a real 404, before the loading
// boundary starts the response.
export default entityLayout(({ token }: { token: string }) => loadInvitation(token));
