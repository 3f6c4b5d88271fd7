import type { MailMessage, Prisma } from "@tessera/db";
import { notifyUser, type NotificationWriter } from "../notifications/notify-user";
import { applicationLink } from "./decision-rules";
import type { LockedApplication } from "./lock-application";

/**
 * Tells whoever submitted the application (or drafted it) what was decided. The decision's own
 * state transition (under the application's lock) happens once, so the moment names the event.
 */
export async function notifyApplicant(
  tx: NotificationWriter & Pick<Prisma.TransactionClient, "user">,
  application: LockedApplication,
  now: Date,
  message: { title: string; body: string },
): Promise<MailMessage | null> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: application.submittedById ?? application.createdById },
    select: { id: true, email: true },
  });
  const { mail } = await notifyUser(tx, {
    user,
    kind: "APPLICATION_DECIDED",
    eventKey: `application-decided:${application.id}:${now.getTime()}`,
    organizationId: application.organizationId,
    title: message.title,
    body: message.body,
    link: applicationLink(application.organizationId, application.id),
    createdAt: now,
  });
  return mail;
}
