import Link from "next/link";
import { buttonClassName, EmptyState } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import type { MembershipRole, VerificationStatus } from "@tessera/db";
import { guidanceFor, NotVerifiedEmptyState } from "@/components/not-verified";
import { programmeRoutes } from "@/components/programmes/paths";
import { tb } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadIfAllowed } from "@/server/api";

/**
 * No usage to bill yet: the way to some only for a member who may launch work in a verified
 * organisation — launching a job when it holds an allocation to run it on, applying to a
 * programme when it holds none (the jobs page would refuse it); an organisation that is not
 * verified is told what to do meanwhile.
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
    const options = await loadIfAllowed((api) =>
      api.workloads.formOptions({ organizationId: organisation.id }),
    );
    const hasQuota = options.allowed && options.data.lines.length > 0;
    action = hasQuota ? (
      <Link href={routes.newJob(organisation.id)} className={buttonClassName("secondary")}>
        {tb.overview.launchJob}
      </Link>
    ) : (
      <Link
        href={programmeRoutes.programmesFor(organisation.id)}
        className={buttonClassName("secondary")}
      >
        {tb.overview.applyForAllocation}
      </Link>
    );
  }
  return (
    <EmptyState title={title} action={action}>
      <p>{body}</p>
    </EmptyState>
  );
}
