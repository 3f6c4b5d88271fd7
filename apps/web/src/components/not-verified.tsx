import Link from "next/link";
import { Alert, buttonClassName, EmptyState } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import type { MembershipRole, VerificationStatus } from "@tessera/db";
import { notVerifiedGuidance, type NotVerifiedGuidance } from "./not-verified-guidance";

/** What to tell a member of this organisation instead of an action it cannot take yet. */
export function guidanceFor(organisation: {
  id: string;
  name: string;
  status: VerificationStatus;
  role: MembershipRole;
}): NotVerifiedGuidance | null {
  return notVerifiedGuidance(organisation, roleMay(organisation.role, "organization.update"));
}

/** A page's one refusal while the organisation is not verified, with what to do meanwhile. */
export function NotVerifiedNote({ guidance }: { guidance: NotVerifiedGuidance }) {
  return (
    <Alert tone="warning" title={guidance.title}>
      <p>{guidance.body}</p>
      <p className="mt-2">
        <Link href={guidance.next.href} className="font-semibold underline">
          {guidance.next.label}
        </Link>
      </p>
    </Alert>
  );
}

/** An empty list in an organisation that is not verified: what to do next, not what it cannot. */
export function NotVerifiedEmptyState({
  title,
  guidance,
}: {
  title: string;
  guidance: NotVerifiedGuidance;
}) {
  return (
    <EmptyState
      title={title}
      action={
        <Link href={guidance.next.href} className={buttonClassName("secondary")}>
          {guidance.next.label}
        </Link>
      }
    >
      <p>{guidance.body}</p>
    </EmptyState>
  );
}
