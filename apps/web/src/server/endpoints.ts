import { cache } from "react";
import { load } from "./api";

/** An endpoint of the organisation (404 when there is none, or it is another organisation's). */
export const loadEndpoint = cache((organizationId: string, endpointId: string) =>
  load((api) => api.endpoints.get({ organizationId, endpointId })),
);
