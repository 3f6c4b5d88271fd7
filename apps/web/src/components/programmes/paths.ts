/** Addresses of the programme, application, review, allocation and catalogue pages. */
const e = encodeURIComponent;

export const programmeRoutes = {
  programmes: "/programmes",
  programmesFor: (organizationId: string) => `/programmes?org=${e(organizationId)}`,
  applications: (organizationId: string) => `/orgs/${e(organizationId)}/applications`,
  newApplication: (organizationId: string, programmeId?: string) =>
    `/orgs/${e(organizationId)}/applications/new${programmeId ? `?programme=${e(programmeId)}` : ""}`,
  application: (organizationId: string, applicationId: string) =>
    `/orgs/${e(organizationId)}/applications/${e(applicationId)}`,
  editApplication: (organizationId: string, applicationId: string) =>
    `/orgs/${e(organizationId)}/applications/${e(applicationId)}/edit`,
  allocations: (organizationId: string) => `/orgs/${e(organizationId)}/allocations`,
  adminProgrammes: "/admin/programmes",
  newProgramme: "/admin/programmes/new",
  adminProgramme: (programmeId: string) => `/admin/programmes/${e(programmeId)}`,
  adminApplication: (programmeId: string, applicationId: string) =>
    `/admin/programmes/${e(programmeId)}/applications/${e(applicationId)}`,
  reviews: "/reviews",
  review: (reviewId: string) => `/reviews/${e(reviewId)}`,
  catalogue: "/operator/catalogue",
  resourceClass: (resourceClassId: string) =>
    `/operator/catalogue/resource-classes/${e(resourceClassId)}`,
  cluster: (clusterId: string) => `/operator/catalogue/clusters/${e(clusterId)}`,
  notifications: "/notifications",
  notificationSettings: "/notifications/settings",
};
