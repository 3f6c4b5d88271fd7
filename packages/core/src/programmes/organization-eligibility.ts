import type { Organization, ProgrammeOrganizationAward } from "@tessera/db";
import { AppError } from "../errors";
import { checkEligibility, type Eligibility } from "./eligibility";
import { toSafeNumber } from "./money";

export interface OrganizationStanding {
  eligibility: Eligibility;
  /** Programme share awarded to the organisation by this programme so far. */
  organizationAwardedMinor: number;
  /** The programme's limit per organisation. */
  capMinor: number;
  /** How much more the programme may award the organisation before its cap. */
  capRemainingMinor: number;
}

type ProgrammeRules = {
  id: string;
  eligibleKinds: Organization["kind"][];
  eligibleCountries: string[];
  orgCapMinor: bigint;
  currency: string;
};

/** Eligibility and cap standing of one organisation for several programmes, in two queries. */
export async function organizationStandings(
  database: {
    programmeOrganizationAward: {
      findMany(args: {
        where: { organizationId: string; programmeId: { in: string[] } };
      }): PromiseLike<ProgrammeOrganizationAward[]>;
    };
  },
  organization: Pick<Organization, "id" | "name" | "kind" | "country" | "status">,
  programmes: readonly ProgrammeRules[],
): Promise<Map<string, OrganizationStanding>> {
  const awards = await database.programmeOrganizationAward.findMany({
    where: { organizationId: organization.id, programmeId: { in: programmes.map((p) => p.id) } },
  });
  const awardedBy = new Map(awards.map((award) => [award.programmeId, award.awardedMinor]));
  return new Map(
    programmes.map((programme) => {
      const awarded = awardedBy.get(programme.id) ?? 0n;
      const cap = programme.orgCapMinor;
      const standing: OrganizationStanding = {
        eligibility: checkEligibility(
          {
            eligibleKinds: programme.eligibleKinds,
            eligibleCountries: programme.eligibleCountries,
            orgCapMinor: toSafeNumber(cap),
            currency: programme.currency,
          },
          { ...organization, awardedMinor: toSafeNumber(awarded) },
        ),
        organizationAwardedMinor: toSafeNumber(awarded),
        capMinor: toSafeNumber(cap),
        capRemainingMinor: toSafeNumber(cap > awarded ? cap - awarded : 0n),
      };
      return [programme.id, standing];
    }),
  );
}

/**
 * Refuses, with every reason, an organisation that may not apply to the programme: the same rule
 * /programmes shows, applied when a draft is started and again when it is submitted.
 */
export async function refuseIneligibleOrganization(
  tx: Parameters<typeof organizationStandings>[0] & {
    organization: {
      findUniqueOrThrow(args: { where: { id: string } }): PromiseLike<Organization>;
    };
  },
  organizationId: string,
  programme: ProgrammeRules,
): Promise<void> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const standing = (await organizationStandings(tx, organization, [programme])).get(programme.id)!;
  if (!standing.eligibility.eligible) {
    throw new AppError(
      "PRECONDITION_FAILED",
      standing.eligibility.reasons.map((reason) => reason.message).join(" "),
      { reasons: standing.eligibility.reasons },
    );
  }
}
