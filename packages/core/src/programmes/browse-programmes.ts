import {
  afterTimeCursor,
  pageSize,
  TIME_ORDER,
  timeCursorOf,
  toPage,
  type Page,
  type PageInput,
} from "../pagination";
import type { TenantAccess } from "../tenancy/tenant-access";
import { organizationStandings, type OrganizationStanding } from "./organization-eligibility";
import { PROGRAMME_WITH_CALLS, toProgrammeView, type ProgrammeView } from "./programme-view";

export type ProgrammeForOrganization = ProgrammeView & OrganizationStanding;

/**
 * Open programmes (a call open now or still to open), each with whether the caller's organisation
 * may apply and, if not, why not. Programmes are not tenant-owned; the organisation's own award
 * totals are read through the tenant-scoped client.
 */
export async function browseProgrammes(
  tenant: TenantAccess,
  input: PageInput,
  now: Date = new Date(),
): Promise<Page<ProgrammeForOrganization>> {
  const size = pageSize(input.limit);
  const organization = await tenant.db.organization.findUniqueOrThrow({
    where: { id: tenant.organization.id },
  });
  const rows = await tenant.db.programme.findMany({
    where: { calls: { some: { closesAt: { gt: now } } }, ...afterTimeCursor(input.cursor) },
    include: PROGRAMME_WITH_CALLS,
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  const standings = await organizationStandings(tenant.db, organization, page.items);
  return {
    items: page.items.map((row) => ({ ...toProgrammeView(row, now), ...standings.get(row.id)! })),
    nextCursor: page.nextCursor,
  };
}
