import { cache } from "react";
import { load } from "./api";

/** The organisation in view (404 for strangers); shared by a page and its metadata in one request. */
export const loadOrganisation = cache((organizationId: string) =>
  load((api) => api.organizations.get({ organizationId })),
);

export type OrganisationView = Awaited<ReturnType<typeof loadOrganisation>>;
