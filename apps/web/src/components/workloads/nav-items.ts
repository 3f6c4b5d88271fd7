import { te, tk, tw } from "@/i18n";
import { routes } from "@/lib/paths";

/** What the job, endpoint and operations areas of the navigation may show, decided on the server by role. */
export interface WorkloadNav {
  canReadTemplates: boolean;
  canReadOperations: boolean;
}

interface NavItem {
  href: string;
  label: string;
}

/** For the organisation in view. */
export function tenantWorkloadItems(organizationId: string): NavItem[] {
  return [
    { href: routes.jobs(organizationId), label: tw.nav.jobs },
    { href: routes.endpoints(organizationId), label: te.nav.endpoints },
    { href: routes.apiKeys(organizationId), label: tk.nav.apiKeys },
  ];
}

/** For operators (and those who may read the catalogue): next to the catalogue. */
export function platformWorkloadItems(nav: WorkloadNav): NavItem[] {
  return [
    ...(nav.canReadTemplates
      ? [
          { href: routes.jobTemplates, label: tw.nav.jobTemplates },
          { href: routes.operatorModels, label: te.nav.models },
        ]
      : []),
    ...(nav.canReadOperations
      ? [
          { href: routes.operations, label: tw.nav.operations },
          { href: routes.operatorEndpoints, label: te.nav.clusterEndpoints },
        ]
      : []),
  ];
}
