import { cache } from "react";
import { load } from "./api";

/**
 * The invitation a link names, as its invitee sees it (404 when no invitation has that token);
 * shared by the segment's layout and its page in one request.
 */
export const loadInvitation = cache((token: string) =>
  load((api) => api.invitations.preview({ token })),
);
