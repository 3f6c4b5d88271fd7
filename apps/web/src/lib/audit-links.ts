import type { AuditTarget } from "@tessera/core";
import { programmeRoutes } from "@/components/programmes/paths";
import { routes } from "@/lib/paths";

/** Which audit page the link is for: administrators go to admin pages, members to their own. */
export type AuditScope = "platform" | "tenant";

export interface AuditTargetRef {
  targetType: string;
  targetId: string | null;
  organizationId: string | null;
  target: AuditTarget | null;
}

/** Where an audit event's target can be seen, or null when it has no page (or no longer exists). */
export function auditTargetHref(scope: AuditScope, event: AuditTargetRef): string | null {
  const { targetId, target } = event;
  if (!targetId || !target) return null;
  const organizationId = target.organizationId ?? event.organizationId;
  const platform = scope === "platform";
  switch (event.targetType) {
    case "Organization":
      return platform ? routes.adminOrganisation(targetId) : routes.organisation(targetId);
    case "Project":
      return organizationId ? routes.projects(organizationId) : null;
    case "Workload":
      return organizationId ? routes.job(organizationId, targetId) : null;
    case "ApiKey":
      return !platform && organizationId ? routes.apiKeys(organizationId) : null;
    case "Invitation":
    case "Membership":
      return organizationId ? routes.members(organizationId) : null;
    case "AllocationRequest":
    case "Review":
      if (!target.applicationId) return null;
      if (platform && target.programmeId)
        return programmeRoutes.adminApplication(target.programmeId, target.applicationId);
      return !platform && organizationId
        ? programmeRoutes.application(organizationId, target.applicationId)
        : null;
    case "Programme":
    case "ProgrammeCall":
      return platform && target.programmeId
        ? programmeRoutes.adminProgramme(target.programmeId)
        : null;
    case "Cluster":
      return platform ? programmeRoutes.cluster(targetId) : null;
    case "ResourceClass":
      return platform ? programmeRoutes.resourceClass(targetId) : null;
    case "JobTemplate":
      return platform ? routes.jobTemplate(targetId) : null;
    default:
      return null;
  }
}
