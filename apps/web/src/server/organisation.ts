import { cache } from "react";
import { load, loadIfAllowed } from "./api";

/** The organisation in view (404 for strangers); shared by a page and its metadata in one request. */
export const loadOrganisation = cache((organizationId: string) =>
  load((api) => api.organizations.get({ organizationId })),
);

export type OrganisationView = Awaited<ReturnType<typeof loadOrganisation>>;

/** An organisation as the platform's reviewers see it (404 when there is none). */
export const loadOrganisationForReview = cache((organizationId: string) =>
  loadIfAllowed((api) => api.admin.organizations.get({ organizationId })),
);
