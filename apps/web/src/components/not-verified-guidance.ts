import type { VerificationStatus } from "@tessera/db";
import { t } from "../i18n";
import { routes } from "../lib/paths";

export interface NotVerifiedGuidance {
  /** Where the organisation stands ("Waiting for verification"). */
  title: string;
  /** Why it cannot act yet, and what to do meanwhile. */
  body: string;
  next: { label: string; href: string };
}

/**
 * What an organisation that is not verified yet can do, shown instead of an action it cannot
 * take (apply, launch, deploy): waiting organisations are sent to check their details, rejected
 * ones to correct them (managers) or read the reason. Null once the organisation is verified.
 */
export function notVerifiedGuidance(
  organisation: { id: string; name: string; status: VerificationStatus },
  canManage: boolean,
): NotVerifiedGuidance | null {
  const o = t.organisation;
  const overview = routes.organisation(organisation.id);
  switch (organisation.status) {
    case "VERIFIED":
      return null;
    case "PENDING":
      return {
        title: o.pendingTitle,
        body: o.notVerified.PENDING(organisation.name),
        next: { label: o.notVerified.checkDetails, href: overview },
      };
    case "REJECTED":
      return {
        title: o.rejectedTitle,
        body: o.notVerified.REJECTED(organisation.name),
        next: canManage
          ? { label: o.goToSettings, href: routes.settings(organisation.id) }
          : { label: o.notVerified.readReason, href: overview },
      };
    case "SUSPENDED":
      return {
        title: o.suspendedTitle,
        body: o.notVerified.SUSPENDED(organisation.name),
        next: { label: o.notVerified.readReason, href: overview },
      };
  }
}
