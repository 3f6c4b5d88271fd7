import type { Database, OrganizationKind } from "@tessera/db";
import { notFound } from "../errors";
import { toSafeNumber } from "../programmes/money";
import { deMinimisCeilingMinor } from "./ceiling";
import { sumUndertakingAid } from "./sum-undertaking-aid";
import { isUndertaking, stateAidDay, STATE_AID_CURRENCY, threeYearWindow } from "./undertaking";

/** An undertaking's de minimis position today, in euro cents, for the administrator deciding. */
export interface UndertakingStanding {
  /** False: the organisation is not an undertaking and its awards are not de minimis aid. */
  undertaking: boolean;
  organization: { id: string; name: string; kind: OrganizationKind; actsEconomically: boolean };
  group: {
    id: string;
    name: string;
    country: string;
    registryId: string;
    members: { id: string; name: string }[];
  } | null;
  currency: typeof STATE_AID_CURRENCY;
  /** The window: after `windowAfter`, through `asOf` (today in Brussels), "YYYY-MM-DD". */
  asOf: string;
  windowAfter: string;
  /** Booked awards through Tessera in the window. */
  awardedMinor: number;
  /** Declared other aid in the window (booked declarations, and the pending application's). */
  declaredMinor: number;
  receivedMinor: number;
  ceilingMinor: number;
  /** What is left before the ceiling; zero or less when it is reached. */
  remainingMinor: number;
}

/**
 * The undertaking's rolling three-year total against the ceiling as of `now`: the organisation
 * and every organisation of its group together. With `pendingRequestId`, that application's
 * declaration of other aid counts too (as it will when the application is approved). Reads
 * without locks: the approval itself decides under them.
 */
export async function getUndertakingStanding(
  database: Database,
  organizationId: string,
  options: { pendingRequestId?: string | null; now?: Date } = {},
): Promise<UndertakingStanding> {
  const organization = await database.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      kind: true,
      actsEconomically: true,
      stateAidGroup: {
        select: {
          id: true,
          name: true,
          country: true,
          registryId: true,
          organizations: { select: { id: true, name: true }, orderBy: { name: "asc" } },
        },
      },
    },
  });
  if (!organization) throw notFound("Organisation");
  const { stateAidGroup, ...facts } = organization;
  const asOf = stateAidDay(options.now ?? new Date());
  const window = threeYearWindow(asOf);
  const aid = await sumUndertakingAid(database, {
    organizationId,
    groupId: stateAidGroup?.id ?? null,
    window,
    pendingRequestId: options.pendingRequestId,
  });
  const ceiling = deMinimisCeilingMinor();
  const received = aid.awardedMinor + aid.declaredMinor;
  return {
    undertaking: isUndertaking(facts),
    organization: facts,
    group: stateAidGroup
      ? {
          id: stateAidGroup.id,
          name: stateAidGroup.name,
          country: stateAidGroup.country,
          registryId: stateAidGroup.registryId,
          members: stateAidGroup.organizations,
        }
      : null,
    currency: STATE_AID_CURRENCY,
    asOf,
    windowAfter: window.after,
    awardedMinor: toSafeNumber(aid.awardedMinor),
    declaredMinor: toSafeNumber(aid.declaredMinor),
    receivedMinor: toSafeNumber(received),
    ceilingMinor: toSafeNumber(ceiling),
    remainingMinor: toSafeNumber(ceiling - received),
  };
}
