import type { OrganizationKind, VerificationStatus } from "@tessera/db";
import { describeVerificationStatus } from "../onboarding/verification-state";
import { formatMoney } from "./money";

export interface EligibilityRules {
  /** Empty = every kind. */
  eligibleKinds: readonly OrganizationKind[];
  /** ISO alpha-2; empty = any country. */
  eligibleCountries: readonly string[];
  orgCapMinor: number;
  currency: string;
}

export interface EligibilityApplicant {
  name: string;
  kind: OrganizationKind;
  country: string;
  status: VerificationStatus;
  /** Programme share already awarded to this organisation by this programme. */
  awardedMinor: number;
}

export type IneligibilityCode = "NOT_VERIFIED" | "KIND" | "COUNTRY" | "CAP_REACHED";

export interface IneligibilityReason {
  code: IneligibilityCode;
  message: string;
}

export interface Eligibility {
  eligible: boolean;
  /** Every reason that applies, in the order a person would fix them; empty when eligible. */
  reasons: IneligibilityReason[];
}

export const ORGANIZATION_KIND_NAMES: Record<OrganizationKind, { one: string; many: string }> = {
  ACADEMIC: { one: "an academic institution", many: "academic institutions" },
  STARTUP: { one: "a startup", many: "startups" },
  SME: { one: "a small or medium-sized enterprise", many: "small and medium-sized enterprises" },
  PUBLIC_BODY: { one: "a public body", many: "public bodies" },
  ENTERPRISE: { one: "an enterprise", many: "enterprises" },
};

const regionNames = new Intl.DisplayNames(["en-GB"], { type: "region" });

export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Pure: may this organisation apply to a programme with these rules, and if not, why not. */
export function checkEligibility(
  rules: EligibilityRules,
  applicant: EligibilityApplicant,
): Eligibility {
  const reasons: IneligibilityReason[] = [];
  if (applicant.status !== "VERIFIED") {
    reasons.push({
      code: "NOT_VERIFIED",
      message: `${applicant.name} must be verified before it can apply. It is currently ${describeVerificationStatus(applicant.status)}.`,
    });
  }
  if (rules.eligibleKinds.length > 0 && !rules.eligibleKinds.includes(applicant.kind)) {
    const open = listInWords(rules.eligibleKinds.map((kind) => ORGANIZATION_KIND_NAMES[kind].many));
    reasons.push({
      code: "KIND",
      message: `This programme is open to ${open}; ${applicant.name} is ${ORGANIZATION_KIND_NAMES[applicant.kind].one}.`,
    });
  }
  if (rules.eligibleCountries.length > 0 && !rules.eligibleCountries.includes(applicant.country)) {
    const open = listInWords([...rules.eligibleCountries].map(countryName).sort());
    reasons.push({
      code: "COUNTRY",
      message: `This programme is open to organisations in ${open}; ${applicant.name} is registered in ${countryName(applicant.country)}.`,
    });
  }
  if (applicant.awardedMinor >= rules.orgCapMinor) {
    reasons.push({
      code: "CAP_REACHED",
      message: `${applicant.name} has already been awarded ${formatMoney(applicant.awardedMinor, rules.currency)}, this programme's limit per organisation (${formatMoney(rules.orgCapMinor, rules.currency)}).`,
    });
  }
  return { eligible: reasons.length === 0, reasons };
}
