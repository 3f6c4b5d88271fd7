import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { programmeRoutes } from "@/components/programmes/paths";
import { load, loadIfAllowed } from "./api";

/** An application of the organisation (404 when there is none, or it is another's). */
export const loadApplication = cache((organizationId: string, applicationId: string) =>
  load((api) => api.applications.get({ organizationId, applicationId })),
);

/**
 * An application that can still be edited. Submitted, decided or withdrawn, there is nothing to
 * edit: it redirects to the application's own page, which says what state it is in and what (if
 * anything) can still be done.
 */
export async function loadEditableApplication(organizationId: string, applicationId: string) {
  const application = await loadApplication(organizationId, applicationId);
  if (!application.actions.edit)
    redirect(programmeRoutes.application(organizationId, applicationId));
  return application;
}

/** A programme's dashboard for its administrators (404 when there is no such programme). */
export const loadProgrammeDashboard = cache((programmeId: string) =>
  loadIfAllowed((api) => api.programmes.admin.dashboard({ programmeId })),
);

/** An application as its programme's administrators see it (404 under another programme). */
export const loadAdminApplication = cache(async (programmeId: string, applicationId: string) => {
  const result = await loadIfAllowed((api) => api.applications.admin.get({ applicationId }));
  if (result.allowed && result.data.programme.id !== programmeId) notFound();
  return result;
});

/** One of the reviewer's own reviews (404 for an id that does not exist or is another's). */
export const loadReview = cache((reviewId: string) =>
  loadIfAllowed((api) => api.reviews.get({ reviewId })),
);
