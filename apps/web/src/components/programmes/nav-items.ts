import { tp } from "@/i18n";
import { programmeRoutes } from "./paths";

/** What the programme areas of the navigation may show, decided on the server by role. */
export interface ProgrammeNav {
  canManageProgrammes: boolean;
  canReview: boolean;
  canReadCatalogue: boolean;
  unreadNotifications: number;
}

interface NavItem {
  href: string;
  label: string;
  exact?: boolean;
}

/** For everyone: open programmes (when they belong to an organisation) and notifications. */
export function generalProgrammeItems(nav: ProgrammeNav, hasOrganisations: boolean): NavItem[] {
  return [
    ...(hasOrganisations ? [{ href: programmeRoutes.programmes, label: tp.nav.programmes }] : []),
    {
      href: programmeRoutes.notifications,
      label: tp.nav.notificationsUnread(nav.unreadNotifications),
    },
  ];
}

/** For the organisation in view. */
export function tenantProgrammeItems(organizationId: string): NavItem[] {
  return [
    { href: programmeRoutes.applications(organizationId), label: tp.nav.applications },
    { href: programmeRoutes.allocations(organizationId), label: tp.nav.allocations },
  ];
}

/** By platform role: reviewers and programme administrators. */
export function platformProgrammeItems(nav: ProgrammeNav): NavItem[] {
  return [
    ...(nav.canReview ? [{ href: programmeRoutes.reviews, label: tp.nav.myReviews }] : []),
    ...(nav.canManageProgrammes
      ? [{ href: programmeRoutes.adminProgrammes, label: tp.nav.programmesAdmin }]
      : []),
  ];
}

/** The catalogue of resource classes, clusters and prices, for those who may read it. */
export function catalogueItems(nav: ProgrammeNav): NavItem[] {
  return nav.canReadCatalogue ? [{ href: programmeRoutes.catalogue, label: tp.nav.catalogue }] : [];
}
