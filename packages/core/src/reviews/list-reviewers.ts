import type { Database } from "@tessera/db";
import { AppError } from "../errors";
import { pageSize, toPage, type Page, type PageInput } from "../pagination";
import { PENDING_REVIEW } from "./list-my-reviews";

export interface ReviewerView {
  id: string;
  name: string | null;
  email: string | null;
  /** Assignments on applications still under review and not yet scored or conflicted. */
  pendingReviews: number;
}

const ID_CURSOR = /^[A-Za-z0-9_-]{1,64}$/;

/** Users who hold the REVIEWER platform role, for the administrator's assignment picker. */
export async function listReviewers(
  database: Database,
  input: PageInput & { q?: string | null },
): Promise<Page<ReviewerView>> {
  const size = pageSize(input.limit);
  if (input.cursor && !ID_CURSOR.test(input.cursor)) {
    throw new AppError(
      "INVALID",
      "That page link is no longer valid. Start again from the first page.",
    );
  }
  const q = input.q?.trim();
  const rows = await database.user.findMany({
    where: {
      platformRoles: { has: "REVIEWER" },
      ...(q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { email: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
      ...(input.cursor ? { id: { gt: input.cursor } } : {}),
    },
    select: {
      id: true,
      name: true,
      email: true,
      _count: {
        select: {
          reviewsAssigned: { where: PENDING_REVIEW },
        },
      },
    },
    orderBy: { id: "asc" },
    take: size + 1,
  });
  const page = toPage(rows, size, (row) => row.id);
  return {
    items: page.items.map(({ _count, ...user }) => ({
      ...user,
      pendingReviews: _count.reviewsAssigned,
    })),
    nextCursor: page.nextCursor,
  };
}
