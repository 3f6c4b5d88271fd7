import { tw } from "@/i18n";
import { routes } from "@/lib/paths";

/** What the job and operations areas of the navigation may show, decided on the server by role. */
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
  return [{ href: routes.jobs(organizationId), label: tw.nav.jobs }];
}

/** For operators (and those who may read the catalogue): next to the catalogue. */
export function platformWorkloadItems(nav: WorkloadNav): NavItem[] {
  return [
    ...(nav.canReadTemplates ? [{ href: routes.jobTemplates, label: tw.nav.jobTemplates }] : []),
    ...(nav.canReadOperations ? [{ href: routes.operations, label: tw.nav.operations }] : []),
  ];
}
