/** The request path the proxy passes to server components (for "come back here after sign-in"). */
export const PATH_HEADER = "x-tessera-path";
export const NONCE_HEADER = "x-nonce";
export const THEME_COOKIE = "tessera-theme";

export type ThemeChoice = "system" | "light" | "dark";

export function parseTheme(value: string | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

/**
 * Only same-site paths are accepted as a place to return to: "/x" yes, "//evil.example" or
 * "https://…" no. Anything else falls back to the dashboard.
 */
export function safeCallbackPath(
  value: string | null | undefined,
  fallback = "/dashboard",
): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return fallback;
  return value;
}

export function signInPath(callbackPath: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackPath))}`;
}

export const routes = {
  home: "/",
  signIn: "/signin",
  dashboard: "/dashboard",
  onboarding: "/onboarding",
  accessibility: "/accessibility",
  privacy: "/privacy",
  help: "/help",
  organisation: (id: string) => `/orgs/${encodeURIComponent(id)}`,
  members: (id: string) => `/orgs/${encodeURIComponent(id)}/members`,
  projects: (id: string) => `/orgs/${encodeURIComponent(id)}/projects`,
  audit: (id: string) => `/orgs/${encodeURIComponent(id)}/audit`,
  settings: (id: string) => `/orgs/${encodeURIComponent(id)}/settings`,
  invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  adminOrganisations: "/admin/organizations",
  adminOrganisation: (id: string) => `/admin/organizations/${encodeURIComponent(id)}`,
  adminAudit: "/admin/audit",
  adminAuditExport: "/admin/audit/export",
  devOutbox: "/dev/outbox",
  jobs: (id: string) => `/orgs/${encodeURIComponent(id)}/jobs`,
  newJob: (id: string) => `/orgs/${encodeURIComponent(id)}/jobs/new`,
  job: (id: string, workloadId: string) =>
    `/orgs/${encodeURIComponent(id)}/jobs/${encodeURIComponent(workloadId)}`,
  endpoints: (id: string) => `/orgs/${encodeURIComponent(id)}/endpoints`,
  /** The deploy form, with `projectId` chosen in it when given. */
  newEndpoint: (id: string, projectId?: string) =>
    `/orgs/${encodeURIComponent(id)}/endpoints/new${
      projectId ? `?project=${encodeURIComponent(projectId)}` : ""
    }`,
  endpoint: (id: string, endpointId: string) =>
    `/orgs/${encodeURIComponent(id)}/endpoints/${encodeURIComponent(endpointId)}`,
  apiKeys: (id: string) => `/orgs/${encodeURIComponent(id)}/api-keys`,
  apiKeyUsage: (id: string) => `/orgs/${encodeURIComponent(id)}/api-keys/usage`,
  jobTemplates: "/operator/job-templates",
  jobTemplate: (templateId: string) => `/operator/job-templates/${encodeURIComponent(templateId)}`,
  operations: "/operator/operations",
  operatorModels: "/operator/models",
  operatorEndpoints: "/operator/endpoints",
};
