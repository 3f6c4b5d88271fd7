import type { Prisma } from "@tessera/db";
import { AppError } from "../errors";

/** An administrator or reviewer who belongs to the applicant organisation may not judge it. */
export async function refuseMemberOfApplicant(
  tx: Pick<Prisma.TransactionClient, "membership">,
  userId: string | null,
  organizationId: string,
  message: string,
): Promise<void> {
  if (!userId) return;
  const member = await tx.membership.count({ where: { organizationId, userId } });
  if (member > 0) throw new AppError("FORBIDDEN", message);
}

export function applicationLink(organizationId: string, applicationId: string): string {
  return `/orgs/${organizationId}/applications/${applicationId}`;
}
