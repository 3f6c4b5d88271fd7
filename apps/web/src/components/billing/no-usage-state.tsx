import Link from "next/link";
import { buttonClassName, EmptyState } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import type { MembershipRole, VerificationStatus } from "@tessera/db";
import { guidanceFor, NotVerifiedEmptyState } from "@/components/not-verified";
import { programmeRoutes } from "@/components/programmes/paths";
import { tb } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadIfAllowed } from "@/server/api";
import { usageActionOf, type UsageAction } from "./usage-action";

const ACTION_ROUTE = {
  JOB: routes.newJob,
  ENDPOINT: (id: string) => routes.newEndpoint(id),
  API_KEY: routes.apiKeys,
  APPLY: programmeRoutes.programmesFor,
} as const satisfies Record<UsageAction, (id: string) => string>;

/**
 * No usage to bill yet: the way to some only for a member who may launch work in a verified
 * organisation — what its allocations allow (a job, an endpoint, or an API key when all it holds
 * is tokens of the shared models), or applying to a programme when it holds none (usageActionOf);
 * an organisation that is not verified is told what to do meanwhile.
 */
export async function NoUsageState({
  organisation,
  title,
  body,
}: {
  organisation: { id: string; name: string; status: VerificationStatus; role: MembershipRole };
  title: string;
  body: string;
}) {
  const guidance = guidanceFor(organisation);
  if (guidance) return <NotVerifiedEmptyState title={title} guidance={guidance} />;
  let action = null;
  if (roleMay(organisation.role, "workloads.write")) {
    const organizationId = organisation.id;
    const [options, keyOptions] = await Promise.all([
      loadIfAllowed((api) => api.workloads.formOptions({ organizationId })),
      loadIfAllowed((api) => api.apiKeys.formOptions({ organizationId })),
    ]);
    const kind = usageActionOf(
      options.allowed ? options.data.lines : [],
      keyOptions.allowed && keyOptions.data.sharedModels.length > 0,
    );
    action = (
      <Link href={ACTION_ROUTE[kind](organizationId)} className={buttonClassName("secondary")}>
        {tb.overview.usageAction[kind]}
      </Link>
    );
  }
  return (
    <EmptyState title={title} action={action}>
      <p>{body}</p>
    </EmptyState>
  );
}
