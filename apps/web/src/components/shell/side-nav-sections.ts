import { t, tb, tp, tsa } from "@/i18n";
import { routes } from "@/lib/paths";
import { billingRoutes } from "@/components/billing/paths";
import { stateAidRoutes } from "@/components/state-aid/paths";
import {
  catalogueItems,
  generalProgrammeItems,
  platformProgrammeItems,
  tenantProgrammeItems,
} from "@/components/programmes/nav-items";
import { platformWorkloadItems, tenantWorkloadItems } from "@/components/workloads/nav-items";
import type { NavData } from "./nav-data";

export interface NavItem {
  href: string;
  label: string;
  /** Exact match only (overview pages would otherwise light up for every sub-page). */
  exact?: boolean;
}

export interface NavSectionData {
  /** None for the first, general section. */
  title?: string;
  items: NavItem[];
}

/**
 * Pure: the sidebar's sections for what the person is. Everyone gets the dashboard and the
 * notifications; the organisation in view its own section; platform roles theirs — programme
 * work (reviews, programmes, the de minimis ledger) apart from running the platform. Creating
 * an organisation is offered here only when it is the person's next step: no organisation yet
 * and no platform role (a reviewer or an operator is not there to become a tenant; the
 * programmes page still offers it to whoever of them wants to apply, and the organisation
 * switcher to members of one).
 */
export function sideNavSections(nav: NavData, currentOrganisationId: string | null) {
  const current = nav.organisations.find((o) => o.id === currentOrganisationId);
  const hasOrganisations = nav.organisations.length > 0;

  const general: NavItem[] = [{ href: routes.dashboard, label: t.nav.dashboard, exact: true }];
  if (!hasOrganisations && !nav.hasPlatformRole)
    general.push({ href: routes.onboarding, label: t.nav.createOrganisation, exact: true });
  general.push(...generalProgrammeItems(nav.programmes, hasOrganisations));

  const sections: NavSectionData[] = [{ items: general }];
  if (current) {
    sections.push({
      title: current.name,
      items: [
        { href: routes.organisation(current.id), label: t.nav.overview, exact: true },
        { href: routes.projects(current.id), label: t.nav.projects },
        ...tenantWorkloadItems(current.id),
        ...tenantProgrammeItems(current.id),
        ...(current.canReadBilling
          ? [{ href: billingRoutes.billing(current.id), label: tb.nav.billing }]
          : []),
        { href: routes.members(current.id), label: t.nav.members },
        ...(current.canReadAudit ? [{ href: routes.audit(current.id), label: t.nav.audit }] : []),
        ...(current.canManage
          ? [{ href: routes.settings(current.id), label: t.nav.settings }]
          : []),
      ],
    });
  }

  const programmeWork: NavItem[] = [
    ...platformProgrammeItems(nav.programmes),
    ...(nav.canReadStateAid
      ? [{ href: stateAidRoutes.undertakings, label: tsa.nav.stateAid }]
      : []),
  ];
  const platform: NavItem[] = [
    ...(nav.canReviewOrganisations
      ? [{ href: routes.adminOrganisations, label: t.nav.organisationReview }]
      : []),
    ...(nav.canReadAllAudit ? [{ href: routes.adminAudit, label: t.nav.auditAll }] : []),
    ...catalogueItems(nav.programmes),
    ...platformWorkloadItems(nav.workloads),
  ];
  if (programmeWork.length)
    sections.push({ title: tp.nav.programmesSection, items: programmeWork });
  if (platform.length) sections.push({ title: t.nav.platform, items: platform });
  if (nav.showOutbox) {
    sections.push({
      title: t.nav.development,
      items: [{ href: routes.devOutbox, label: t.nav.devOutbox }],
    });
  }
  return sections;
}
