import type { Database } from "@tessera/db";
import { AppError } from "../errors";

/**
 * The signed-in user and the organisations they belong to. This reads the user's own memberships
 * across organisations by user id: it is the list that decides which tenants they may enter.
 */
export async function getMe(database: Database, userId: string) {
  const user = await database.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      platformRoles: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: {
          organizationId: true,
          role: true,
          organization: {
            select: {
              id: true,
              name: true,
              slug: true,
              kind: true,
              country: true,
              status: true,
              statusReason: true,
            },
          },
        },
      },
    },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  const { memberships, ...rest } = user;
  return { user: rest, memberships };
}
