import type { Database, Prisma, VerificationStatus } from "@tessera/db";
import {
  afterTimeCursor,
  pageSize,
  TIME_ORDER,
  timeCursorOf,
  toPage,
  type PageInput,
} from "../pagination";

export interface ListOrganizationsForReviewInput extends PageInput {
  status?: VerificationStatus | null;
  q?: string | null;
}

/** The administrators' list of every organisation, newest first, filtered by status and text. */
export async function listOrganizationsForReview(
  database: Database,
  input: ListOrganizationsForReviewInput,
) {
  const size = pageSize(input.limit);
  const q = input.q?.trim();
  const where: Prisma.OrganizationWhereInput = {
    AND: [
      afterTimeCursor(input.cursor),
      input.status ? { status: input.status } : {},
      q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { slug: { contains: q, mode: "insensitive" } },
              { registryId: { contains: q, mode: "insensitive" } },
              { contactEmail: { contains: q, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  const rows = await database.organization.findMany({
    where,
    orderBy: TIME_ORDER,
    take: size + 1,
    include: {
      createdBy: { select: { name: true, email: true } },
      _count: { select: { memberships: true } },
    },
  });
  const page = toPage(rows, size, timeCursorOf);
  return {
    items: page.items.map(({ _count, ...organization }) => ({
      ...organization,
      memberCount: _count.memberships,
    })),
    nextCursor: page.nextCursor,
  };
}
