import { serverEnv } from "@tessera/config";
import type { MailMessage, Notification, Prisma } from "@tessera/db";
import { recordMail, type MailWriter } from "../mail/send-mail";

export interface NotificationWriter extends MailWriter {
  notification: {
    create(args: { data: Prisma.NotificationUncheckedCreateInput }): PromiseLike<Notification>;
  };
}

export interface NotifyInput {
  user: { id: string; email: string | null };
  /** The organisation the notice is about, for context (the notice is still the user's own). */
  organizationId: string | null;
  title: string;
  body: string;
  /** A path inside the portal, e.g. /orgs/<id>/applications/<id>. */
  link: string;
}

/**
 * Tells a user something in the portal and by mail. Call it inside the transaction of the change
 * it reports; deliver the returned mail after the commit with `deliverMail`.
 */
export async function notifyUser(
  tx: NotificationWriter,
  input: NotifyInput,
): Promise<{ notification: Notification; mail: MailMessage | null }> {
  const notification = await tx.notification.create({
    data: {
      userId: input.user.id,
      organizationId: input.organizationId,
      title: input.title,
      body: input.body,
      link: input.link,
    },
  });
  const mail = input.user.email
    ? await recordMail(tx, {
        to: input.user.email,
        subject: input.title,
        text: `${input.body}\n\n${serverEnv().APP_URL}${input.link}`,
      })
    : null;
  return { notification, mail };
}
