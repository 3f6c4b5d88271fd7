import { countsTokens } from "@tessera/core/words";
import { programmeRoutes } from "@/components/programmes/paths";
import { t, th } from "@/i18n";
import { routes } from "@/lib/paths";
import type { HomeStep } from "./next-steps";
import type { Home, OrganisationHome } from "./types";

function organisationStepLink(home: OrganisationHome, step: OrganisationHome["nextSteps"][number]) {
  const id = home.organization.id;
  switch (step) {
    case "AWAIT_VERIFICATION":
    case "SUSPENDED":
      return routes.organisation(id);
    case "FIX_DETAILS":
      return routes.settings(id);
    case "CREATE_PROJECT":
      return routes.projects(id);
    case "APPLY":
      return programmeRoutes.programmesFor(id);
    case "SUBMIT_JOB":
      return routes.newJob(id);
    case "CREATE_API_KEY":
      return routes.apiKeys(id);
    case "FIX_SHARED_ENDPOINT":
      return routes.endpoints(id);
    case "INVITE":
      return routes.members(id);
  }
}

/**
 * Pure: whether the organisation holds an allocation an endpoint could run on — an active one
 * with a line of compute (tokens of the shared models run no endpoint of its own), as the deploy
 * form offers them. Without one, "deploy a model" would lead to a form it cannot use.
 */
export function mayRunEndpoints(home: Pick<OrganisationHome, "allocations">): boolean {
  return home.allocations.some(
    (allocation) =>
      allocation.state === "ACTIVE" &&
      allocation.lines.some((line) => !countsTokens(line.resourceClass.kind)),
  );
}

/**
 * Pure: whether the home offers to create an organisation — only to someone for whom it is the
 * next step: in no organisation and with no platform role. A reviewer, programme administrator,
 * operator or platform administrator comes for their own work, which the home shows instead
 * (whoever of them wants to apply is offered an organisation on the programmes page).
 */
export function offersNewOrganisation(home: Pick<Home, "organizations" | "user">): boolean {
  return home.organizations.length === 0 && home.user.platformRoles.length === 0;
}

/** Pure: what to do next, the platform's and programmes' work first, then each organisation's. */
export function homeSteps(home: Home): HomeStep[] {
  const s = th.home.step;
  const l = th.home.stepLink;
  const steps: HomeStep[] = [];
  if (home.platformAdmin && !home.platformAdmin.auditChain.ok) {
    steps.push({
      key: "chain",
      text: s.brokenChain,
      href: routes.adminAudit,
      linkLabel: l.brokenChain,
    });
  }
  if (home.platformAdmin && home.platformAdmin.verificationQueue.total > 0) {
    steps.push({
      key: "verification",
      text: s.verification(home.platformAdmin.verificationQueue.total),
      href: `${routes.adminOrganisations}?status=PENDING`,
      linkLabel: l.verification,
    });
  }
  if (home.programmeAdmin && home.programmeAdmin.awaitingDecision.total > 0) {
    steps.push({
      key: "decisions",
      text: s.decisions(home.programmeAdmin.awaitingDecision.total),
      href: programmeRoutes.adminProgrammes,
      linkLabel: l.decisions,
    });
  }
  if (home.reviewer && home.reviewer.waiting.length > 0) {
    steps.push({
      key: "reviews",
      text: s.reviews(home.reviewer.waiting.length),
      href: programmeRoutes.reviews,
      linkLabel: l.reviews,
    });
  }
  if (home.operator && home.operator.operations.unresolvedDeadLetters > 0) {
    steps.push({
      key: "dead-letters",
      text: s.deadLetters(home.operator.operations.unresolvedDeadLetters),
      href: routes.operations,
      linkLabel: l.deadLetters,
    });
  }
  if (offersNewOrganisation(home)) {
    steps.push({
      key: "create-organisation",
      text: s.createOrganisation,
      href: routes.onboarding,
      linkLabel: t.dashboard.createOrganisation,
    });
  }
  for (const organisation of home.organizations) {
    for (const step of organisation.nextSteps) {
      steps.push({
        key: `${organisation.organization.id}-${step}`,
        text: s[step](organisation.organization.name),
        href: organisationStepLink(organisation, step),
        linkLabel: l[step],
        ...(step === "SUBMIT_JOB"
          ? {
              also: {
                href: routes.newEndpoint(organisation.organization.id),
                label: l.deployEndpoint,
              },
            }
          : {}),
      });
    }
  }
  return steps;
}
