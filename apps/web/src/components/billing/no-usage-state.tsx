import Link from "next/link";
import { buttonClassName, EmptyState } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import type { MembershipRole, VerificationStatus } from "@tessera/db";
import { guidanceFor, NotVerifiedEmptyState } from "@/components/not-verified";
import { tb } from "@/i18n";
import { routes } from "@/lib/paths";

/**
 * No usage to bill yet: the way to some (launching a job) only for a member who may launch one
 * in a verified organisation; an organisation that is not verified is told what to do meanwhile.
 */
export function NoUsageState({
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
  const launch = roleMay(organisation.role, "workloads.write") ? (
    <Link href={routes.newJob(organisation.id)} className={buttonClassName("secondary")}>
      {tb.overview.launchJob}
    </Link>
  ) : null;
  return (
    <EmptyState title={title} action={launch}>
      <p>{body}</p>
    </EmptyState>
  );
}
